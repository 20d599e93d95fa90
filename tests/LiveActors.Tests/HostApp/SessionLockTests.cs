using System.Runtime.Versioning;
using LiveActors.Host;

namespace LiveActors.Tests.HostApp;

/// <summary>One holder per kept session; the holder from another process is in <see cref="StateProcessTests"/>.</summary>
public sealed class SessionLockTests
{
    private readonly string _state = Path.Combine(Directory.CreateTempSubdirectory("liveactors-lock-").FullName, "sessions.db");

    [Fact]
    public void A_held_session_cannot_be_claimed_again_until_it_is_released()
    {
        using (SessionLock.Acquire(_state, "call-1"))
        {
            var refused = Assert.Throws<HostInputException>(() => SessionLock.Acquire(_state, "call-1"));
            Assert.Equal($"session call-1 is in use by process {Environment.ProcessId}; end it first, or give another --session.", refused.Message);
            using var other = SessionLock.Acquire(_state, "call-2"); // another session in the same file is another claim
        }

        using var again = SessionLock.Acquire(_state, "call-1");
    }

    [Fact]
    public void The_lock_file_holds_the_holders_process_id()
    {
        using var held = SessionLock.Acquire(_state, "call-1");

        Assert.Equal(SessionLock.PathFor(_state, "call-1"), held.Path);
        using var reader = new FileStream(held.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        Assert.Equal($"{Environment.ProcessId}\n", new StreamReader(reader).ReadToEnd());
    }

    [Fact]
    public void A_lock_file_left_by_a_process_that_ended_is_claimed_again()
    {
        File.WriteAllText(SessionLock.PathFor(_state, "call-1"), "99999999\nleft over from a crash\n");

        using var held = SessionLock.Acquire(_state, "call-1");

        using var reader = new FileStream(held.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        Assert.Equal($"{Environment.ProcessId}\n", new StreamReader(reader).ReadToEnd());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void The_lock_file_is_for_the_owner_only()
    {
        using var held = SessionLock.Acquire(_state, "call-1");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(held.Path));
    }

    [Theory]
    [InlineData("call-1", "call-1")]
    [InlineData("../up", "%2E%2E%2Fup")]
    [InlineData("a b/é", "a%20b%2F%C3%A9")]
    public void A_session_id_stands_in_the_lock_files_name_without_leaving_the_state_folder(string session, string part) =>
        Assert.Equal($"{_state}.{part}.lock", SessionLock.PathFor(_state, session));

    [Fact]
    public void A_long_session_id_is_hashed_to_a_name_of_fixed_length()
    {
        var name = Path.GetFileName(SessionLock.PathFor(_state, new string('x', 300)));

        Assert.Equal("sessions.db.".Length + 64 + ".lock".Length, name.Length);
    }
}
