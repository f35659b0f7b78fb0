namespace KubeRollout.Sandbox.Machinery.Queues;

/// <summary>A component the controller manager starts once the cache is filled and stops on cancellation.</summary>
public interface IRunnableController
{
    string Name { get; }

    /// <summary>Enqueues the objects that already exist (the informer's initial list).</summary>
    void EnqueueExisting();

    Task RunAsync(CancellationToken cancellationToken);
}
