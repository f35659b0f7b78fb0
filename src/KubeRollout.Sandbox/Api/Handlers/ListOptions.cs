using KubeRollout.Sandbox.Api.Requests;
using KubeRollout.Sandbox.Api.Routing;
using KubeRollout.Sandbox.Api.Selectors;

namespace KubeRollout.Sandbox.Api.Handlers;

/// <summary>The selection of a list, watch or deletecollection request.</summary>
internal static class ListOptions
{
    public static ObjectFilter Filter(ResourceTarget target, QueryParameters query)
    {
        var labels = LabelSelectorParser.Parse(query.Get("labelSelector"));
        var fields = FieldQuery.Parse(query.Get("fieldSelector"), target.Resource);
        if (target.Name is not null)
        {
            // The legacy form GET …/pods/name?watch=true watches one object.
            fields = new FieldQuery([.. fields.Requirements, new FieldRequirement("metadata.name", true, target.Name, o => o.Metadata.Name)]);
        }

        return new ObjectFilter(target.Resource.Namespaced ? target.Namespace : null, labels, fields);
    }
}
