namespace KubeRollout.Sandbox.Api.Responses;

internal enum ResponseShape
{
    /// <summary>The objects themselves (<c>application/json</c>).</summary>
    Object,

    /// <summary>A <c>meta.k8s.io Table</c> with server-side printed columns.</summary>
    Table,

    /// <summary><c>PartialObjectMetadata</c> / <c>PartialObjectMetadataList</c>: metadata only.</summary>
    PartialObjectMetadata,
}

/// <summary>The representation a client asked for in its Accept header.</summary>
internal sealed record ResponseFormat(ResponseShape Shape, string MetaVersion = "v1")
{
    public static readonly ResponseFormat Json = new(ResponseShape.Object);

    public string ContentType => Shape switch
    {
        ResponseShape.Table => $"application/json;as=Table;v={MetaVersion};g=meta.k8s.io",
        _ => "application/json",
    };
}
