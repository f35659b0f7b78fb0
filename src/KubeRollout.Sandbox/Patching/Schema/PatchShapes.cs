using KubeRollout.Sandbox.Schema;

namespace KubeRollout.Sandbox.Patching.Schema;

/// <summary>Model shapes seen by the patch algorithms: each field with its patch metadata.</summary>
internal static class PatchShapes
{
    /// <summary>The shape of the value under <paramref name="key"/> of an object of this shape, with that field's metadata.</summary>
    public static (ModelShape Shape, FieldPatchMetadata Metadata, bool IsDeclaredField) Child(this ModelShape shape, string key) => shape.Kind switch
    {
        ShapeKind.Struct when shape.Field(key) is { } field => (field.Shape, PatchMetadataTable.For(shape.Model!, key), true),
        ShapeKind.Map => (shape.Element!, FieldPatchMetadata.Default, false),
        _ => (ModelShape.Untyped, FieldPatchMetadata.Default, false),
    };

    /// <summary>Server-side apply owns the whole value (atomic struct).</summary>
    public static bool IsAtomicStruct(this ModelShape shape) => shape.Kind == ShapeKind.Struct && PatchMetadataTable.IsAtomicStruct(shape.Model!);
}
