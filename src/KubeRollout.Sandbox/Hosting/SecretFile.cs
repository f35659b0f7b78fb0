namespace KubeRollout.Sandbox.Hosting;

/// <summary>Writes a file readable only by its owner (where the platform has Unix permissions), replacing it atomically.</summary>
internal static class SecretFile
{
    public static void Write(string path, string contents)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(contents);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
