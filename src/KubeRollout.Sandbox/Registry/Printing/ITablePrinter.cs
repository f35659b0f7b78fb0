using k8s;
using k8s.Models;
using KubeRollout.Sandbox.Storage;

namespace KubeRollout.Sandbox.Registry.Printing;

/// <summary>
/// Prints one resource kind as the API server's table printer does: the column definitions and, per object, one cell
/// per column (the server always includes the wide columns; kubectl hides them unless asked).
/// </summary>
public interface ITablePrinter
{
    IReadOnlyList<TableColumn> Columns { get; }

    /// <param name="now">The sandbox's current time, for ages.</param>
    object?[] Cells(IKubernetesObject<V1ObjectMeta> obj, DateTime now);
}

/// <summary>A printer for one model type.</summary>
public abstract class TablePrinter<TObject> : ITablePrinter
    where TObject : class, IKubernetesObject<V1ObjectMeta>
{
    public abstract IReadOnlyList<TableColumn> Columns { get; }

    public object?[] Cells(IKubernetesObject<V1ObjectMeta> obj, DateTime now) => Cells((TObject)obj, now);

    protected abstract object?[] Cells(TObject obj, DateTime now);
}
