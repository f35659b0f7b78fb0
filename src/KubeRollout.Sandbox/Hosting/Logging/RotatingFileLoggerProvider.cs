using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Hosting.Logging;

/// <summary>
/// The sandbox's own log, <c>DIR/sandbox.log</c>: one line per entry, written through at once so that it can be
/// read after a crash, and bounded: past <see cref="MaxBytes"/> it moves to sandbox.log.1 (the older ones to .2 and
/// .3, the oldest dropped), so the folder never holds more than four files of it.
/// </summary>
internal sealed class RotatingFileLoggerProvider : ILoggerProvider
{
    public const string FileName = "sandbox.log";
    public const long MaxBytes = 1024 * 1024;
    public const int KeptFiles = 3;

    private readonly object _gate = new();
    private readonly string _path;
    private readonly long _maxBytes;
    private FileStream _file;

    public RotatingFileLoggerProvider(string directory, long maxBytes = MaxBytes)
    {
        _path = Path.Combine(directory, FileName);
        _maxBytes = maxBytes;
        _file = Open();
    }

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
        lock (_gate)
        {
            _file.Dispose();
        }
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var text = new StringBuilder()
            .Append(DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            .Append(' ').Append(Level(level)).Append(' ').Append(category).Append(": ").Append(message);
        if (exception is not null)
        {
            text.Append(Environment.NewLine).Append(exception);
        }

        var bytes = Encoding.UTF8.GetBytes(text.Append('\n').ToString());
        lock (_gate)
        {
            if (_file.Length > 0 && _file.Length + bytes.Length > _maxBytes)
            {
                Rotate();
            }

            _file.Write(bytes);
            _file.Flush();
        }
    }

    private void Rotate()
    {
        _file.Dispose();
        File.Delete($"{_path}.{KeptFiles}");
        for (var i = KeptFiles - 1; i >= 1; i--)
        {
            if (File.Exists($"{_path}.{i}"))
            {
                File.Move($"{_path}.{i}", $"{_path}.{i + 1}");
            }
        }

        File.Move(_path, $"{_path}.1");
        _file = Open();
    }

    private FileStream Open() => new(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        _ => "critical",
    };

    private sealed class FileLogger(RotatingFileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
