namespace KubeRollout.Sandbox.Schema;

/// <summary>What a JSON value at a model position is.</summary>
public enum ShapeKind
{
    /// <summary>Strings, numbers, booleans, times, bytes, quantities, int-or-string (see <see cref="ScalarKind"/>).</summary>
    Scalar,

    /// <summary>An object with declared fields (a model class).</summary>
    Struct,

    /// <summary>An object with free keys (labels, data, resources.limits) whose values share one shape.</summary>
    Map,

    List,

    /// <summary>A value without a schema (raw extensions, fieldsV1, fields the model does not know): any JSON.</summary>
    Untyped,
}
