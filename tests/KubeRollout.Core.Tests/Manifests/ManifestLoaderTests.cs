using KubeRollout.Core.Manifests;

namespace KubeRollout.Core.Tests.Manifests;

public sealed class ManifestLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kuberollout-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void An_invalid_third_document_fails_the_whole_file()
    {
        var path = Write("app.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n" +
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: b\n---\n" +
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: c\nspec:\n  selector:\n    matchLabels:\n      app: x\n  template:\n    metadata:\n      labels:\n        app: y\n    spec:\n      containers:\n      - name: c\n        image: nginx\n");

        var result = ManifestLoader.LoadFile(path);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Objects);
        var failure = Assert.IsType<ManifestException>(Assert.Single(result.Failures));
        Assert.Equal("ManifestInvalid", failure.ErrorId);
        Assert.Equal(3, failure.Location.Document);
        Assert.Contains("Deployment \"c\" is invalid", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_applied_together_are_read_once_each_in_apply_order_and_one_bad_file_fails_the_set()
    {
        var web = Write("web.yaml", Deployment("web") + "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n");
        var config = Write("config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n");
        var broken = Write("broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [\n");

        var good = ManifestLoader.LoadAll([web, config, web]);
        var bad = ManifestLoader.LoadAll([web, broken]);

        Assert.True(good.Succeeded);
        Assert.Equal(["ConfigMap/cfg", "Service/web", "Deployment/web"], good.Objects.Select(o => o.ToString()));
        Assert.False(bad.Succeeded);
        Assert.Equal(broken, Assert.IsType<ManifestException>(Assert.Single(bad.Failures)).Location.Path);
    }

    [Fact]
    public void Objects_given_again_are_checked_again_and_put_in_apply_order()
    {
        var objects = ManifestLoader.LoadFile(Write("web.yaml", Deployment("web") + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n")).Objects;
        var set = ManifestLoader.Check(objects);
        // A script changed the template's labels on the way: the selector no longer matches them.
        objects[0].Json["spec"]!["template"]!["metadata"]!["labels"]!["app"] = "other";
        var invalid = ManifestLoader.Check(objects);

        Assert.True(set.Succeeded);
        Assert.Equal(["ConfigMap/cfg", "Deployment/web"], set.Objects.Select(o => o.ToString()));
        var failure = Assert.IsType<ManifestException>(Assert.Single(invalid.Failures));
        Assert.Equal("ManifestInvalid", failure.ErrorId);
    }

    private static string Deployment(string name) =>
        $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\nspec:\n  selector:\n    matchLabels:\n      app: {name}\n  template:\n    metadata:\n      labels:\n        app: {name}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n";

    [Fact]
    public void A_folder_expands_to_its_manifest_files_in_name_order()
    {
        Write("b.yml", "x");
        Write("a.yaml", "x");
        Write("c.json", "x");
        Write("notes.txt", "x");
        Directory.CreateDirectory(Path.Combine(_folder, "sub"));
        Write(Path.Combine("sub", "d.yaml"), "x");

        Assert.Equal(["a.yaml", "b.yml", "c.json"], ManifestFiles.Expand(_folder, recurse: false).Select(Path.GetFileName));
        Assert.Equal(4, ManifestFiles.Expand(_folder, recurse: true).Count());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
