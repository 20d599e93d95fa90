using LiveActors.Errors;
using LiveActors.Protocol;

namespace LiveActors.Supervision.Reconnection;

/// <summary>
/// The resumption handle a session reconnects with: the newest resumable one the server issued, but never one issued
/// before the server showed it had the initial history (resuming with it would lose the history, while a new server
/// session gets it again). An update without a handle, or not resumable, never erases a good one. It also counts the
/// resumes in a row that failed: a resume is proven only by the first reply after it (setupComplete alone proves
/// nothing: a poisoned handle gets setupComplete, then a close on the first input).
/// </summary>
/// <param name="enabled">Session resumption is on.</param>
/// <param name="handle">The handle to start with: a stored or recovered one, or null.</param>
internal sealed class Resumption(bool enabled, string? handle)
{
    private bool _historyUnproven;
    private bool _resumeUnproven;

    /// <summary>The handle a drop resumes with; null when there is none yet, or the last was refused.</summary>
    public string? Handle { get; private set; } = handle;

    /// <summary>The next connection resumes: resumption is on and a handle is kept.</summary>
    public bool CanResume => enabled && Handle is not null;

    /// <summary>Resumes in a row that ended before the server replied on them; 0 after a reply on a resumed connection, or a fresh session.</summary>
    public int FailedResumes { get; private set; }

    /// <summary>
    /// A connection attempt starts; <paramref name="sendsHistory"/> when it writes the initial history. It resumes when
    /// <see cref="CanResume"/>; a fresh one starts a new server session, whose handles have failed nothing yet.
    /// </summary>
    public void Attempting(bool sendsHistory)
    {
        _historyUnproven = sendsHistory;
        _resumeUnproven = CanResume;
        if (!CanResume)
        {
            FailedResumes = 0;
        }
    }

    /// <summary>
    /// The connection ended with <paramref name="error"/>, after setupComplete when <paramref name="wasReady"/>: a resume
    /// the server set up, then closed itself before any reply counts as failed (a poisoned handle). A resume that never
    /// got that far (a refused upgrade, a network drop) says nothing about the handle, and neither counts nor proves.
    /// Returns <see cref="FailedResumes"/>.
    /// </summary>
    public int Ended(bool wasReady, ConnectionError error)
    {
        if (_resumeUnproven && wasReady && error is ConnectionError.ServerClosed)
        {
            FailedResumes++;
        }

        _resumeUnproven = false;
        return FailedResumes;
    }

    /// <summary>The server refused the handle, or it failed too many resumes: the next connection starts a new server session.</summary>
    public void Refused()
    {
        Handle = null;
        FailedResumes = 0;
    }

    /// <summary>
    /// A server message: when it carries a handle to keep, the update (its consumed index speaks for the state behind
    /// that handle); else null. A reply, a transcription of input, or a consumed index past the history proves the
    /// server has the history, from this message on.
    /// </summary>
    public SessionResumptionUpdate? ServerSent(ServerMessage message)
    {
        if (_resumeUnproven && ReplyEvidence.IsReply(message))
        {
            _resumeUnproven = false; // the resumed session answers: the state came back
            FailedResumes = 0;
        }

        if (_historyUnproven && (ReplyEvidence.IsReply(message) || message.ServerContent?.InputTranscription is not null
            || message.SessionResumptionUpdate?.LastConsumedClientMessageIndex >= 1))
        {
            _historyUnproven = false;
        }

        if (_historyUnproven || message.SessionResumptionUpdate is not { Resumable: true, NewHandle: { Length: > 0 } newHandle } update)
        {
            return null;
        }

        Handle = newHandle;
        return update;
    }
}
