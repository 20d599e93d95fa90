using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LiveActors.Host;

/// <summary>
/// One process at a time for a session kept in a state file: two hosts that held the same session would each resume it
/// and overwrite the other's state. The claim is an OS lock on a lock file beside the state (<see cref="PathFor"/>),
/// which the OS drops when the process ends, also by a crash: a lock file left behind is simply claimed again. The file
/// holds the holder's process id, for the line that tells the second host who has the session.
/// </summary>
internal sealed class SessionLock : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // A byte range lock (per process) rather than FileShare.None (a whole-file lock): the second host can still open the
    // file to read who holds it. The range lies past the id so that Windows, where range locks are enforced, lets it read.
    private const long LockedOffset = 1 << 20;

    // OS range locks belong to the process, so a second claim from within it would succeed and its release would drop
    // the first: this process's own claims are kept here.
    private static readonly HashSet<string> HeldByThisProcess = new(StringComparer.Ordinal);

    private readonly FileStream _file;

    private SessionLock(string path, FileStream file)
    {
        Path = path;
        _file = file;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>The lock file of <paramref name="session"/> kept in <paramref name="state"/>: the state's name, the id, <c>.lock</c>.</summary>
    public static string PathFor(string state, string session) => $"{state}.{FileNamePart(session)}.lock";

    /// <summary>Claims <paramref name="session"/> in <paramref name="state"/> for this process until disposed.</summary>
    /// <exception cref="HostInputException">Another process (or this one) holds it, or the lock file cannot be made.</exception>
    public static SessionLock Acquire(string state, string session)
    {
        var path = PathFor(System.IO.Path.GetFullPath(state), session);
        lock (HeldByThisProcess)
        {
            if (!HeldByThisProcess.Add(path))
            {
                throw InUse(session, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            }
        }

        try
        {
            return Claim(path, session);
        }
        catch
        {
            lock (HeldByThisProcess)
            {
                HeldByThisProcess.Remove(path);
            }

            throw;
        }
    }

    /// <summary>Releases the claim; the file stays, as deleting it could let a third process lock a file nobody else sees.</summary>
    public void Dispose()
    {
        _file.Dispose();
        lock (HeldByThisProcess)
        {
            HeldByThisProcess.Remove(Path);
        }
    }

    private static SessionLock Claim(string path, string session)
    {
        // macOS has no range locks in .NET: there the whole file is locked, and the holder's id cannot be read.
        var wholeFile = OperatingSystem.IsMacOS();
        FileStream file;
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.ReadWrite,
                Share = wholeFile ? FileShare.None : FileShare.ReadWrite,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnlyFile;
            }

            file = new FileStream(path, options);
        }
        catch (IOException) when (wholeFile && File.Exists(path))
        {
            throw InUse(session, process: null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostInputException($"--state: the session's lock file {path} cannot be opened: {e.Message.ReplaceLineEndings(" ")}", e);
        }

        try
        {
            if (!OperatingSystem.IsMacOS())
            {
                file.Lock(LockedOffset, 1);
            }
        }
        catch (IOException)
        {
            var holder = Holder(file);
            file.Dispose();
            throw InUse(session, holder);
        }

        file.SetLength(0);
        file.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
        file.Flush(flushToDisk: true);
        return new SessionLock(path, file);
    }

    /// <summary>The holder's process id as its lock file says, or null while it has not written it yet.</summary>
    private static string? Holder(FileStream file)
    {
        var buffer = new byte[32];
        file.Position = 0;
        var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var text = Encoding.ASCII.GetString(buffer, 0, read).Trim();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? text : null;
    }

    private static HostInputException InUse(string session, string? process) =>
        new($"session {session} is in use by {(process is null ? "another process" : $"process {process}")}; end it first, or give another --session.");

    /// <summary>The id as it can stand in a file name: letters, digits, '-' and '_' as they are, anything else escaped; a long id hashed.</summary>
    private static string FileNamePart(string session)
    {
        var part = new StringBuilder(session.Length);
        foreach (var b in Encoding.UTF8.GetBytes(session))
        {
            var c = (char)b;
            part.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c.ToString() : $"%{b:X2}");
        }

        return part.Length <= 64 ? part.ToString() : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(session)));
    }
}
