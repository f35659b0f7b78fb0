namespace KubeRollout.Sandbox.Schema;

/// <summary>The kind of a scalar position, as the API server's Go types and OpenAPI schemas tell them apart.</summary>
public enum ScalarKind
{
    String,
    Integer32,
    Integer64,
    Number,
    Boolean,
    DateTime,
    Bytes,
    IntOrString,
    Quantity,
}
