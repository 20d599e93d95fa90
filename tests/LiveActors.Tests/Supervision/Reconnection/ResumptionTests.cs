using LiveActors.Errors;
using LiveActors.Protocol;
using LiveActors.Supervision.Reconnection;

namespace LiveActors.Tests.Supervision.Reconnection;

/// <summary>Which resumption handle a session keeps, on plain server messages.</summary>
public sealed class ResumptionTests
{
    private static readonly ConnectionError Unavailable = new ConnectionError.ServerClosed(1011, "The service is currently unavailable.");
    private static readonly ServerMessage Reply = new() { ServerContent = new ServerContent { ModelTurn = Content.FromText("hi", Roles.Model) } };

    [Fact]
    public void A_resumable_handle_is_kept_and_a_later_update_without_one_never_erases_it()
    {
        var resumption = new Resumption(enabled: true, handle: null);
        resumption.Attempting(sendsHistory: false);

        Assert.NotNull(resumption.ServerSent(Update("h1")));
        Assert.Null(resumption.ServerSent(new ServerMessage { SessionResumptionUpdate = new SessionResumptionUpdate { Resumable = false, NewHandle = "h2" } }));
        Assert.Null(resumption.ServerSent(Update("")));
        Assert.Equal("h1", resumption.Handle);
        Assert.True(resumption.CanResume);
    }

    [Fact]
    public void A_handle_issued_before_the_server_showed_it_has_the_history_is_not_kept()
    {
        var resumption = new Resumption(enabled: true, handle: null);
        resumption.Attempting(sendsHistory: true);

        Assert.Null(resumption.ServerSent(Update("too-early")));
        Assert.Null(resumption.Handle);
        resumption.ServerSent(Reply);
        Assert.NotNull(resumption.ServerSent(Update("after-the-reply")));
        Assert.Equal("after-the-reply", resumption.Handle);
    }

    [Fact]
    public void A_consumed_index_past_the_history_proves_it_in_the_same_update()
    {
        var resumption = new Resumption(enabled: true, handle: null);
        resumption.Attempting(sendsHistory: true);

        var update = resumption.ServerSent(new ServerMessage
        {
            SessionResumptionUpdate = new SessionResumptionUpdate { Resumable = true, NewHandle = "h", LastConsumedClientMessageIndex = 1 },
        });

        Assert.Equal(1, update?.LastConsumedClientMessageIndex);
    }

    [Fact]
    public void A_refused_handle_is_dropped_and_without_resumption_nothing_resumes()
    {
        var resumption = new Resumption(enabled: true, handle: "stored");
        Assert.True(resumption.CanResume);
        resumption.Refused();
        Assert.False(resumption.CanResume);

        Assert.False(new Resumption(enabled: false, handle: "stored").CanResume);
    }

    [Fact]
    public void A_resume_fails_until_a_reply_after_it_and_a_new_handle_or_setup_complete_proves_nothing()
    {
        var resumption = new Resumption(enabled: true, handle: "poisoned");

        resumption.Attempting(sendsHistory: false);
        resumption.ServerSent(new ServerMessage { SetupComplete = new SetupComplete() }); // set up is not answered
        Assert.Equal(1, resumption.Ended(wasReady: true, Unavailable));
        resumption.Attempting(sendsHistory: false);
        resumption.ServerSent(Update("another")); // a handle, with no reply: nothing shows the state came back
        Assert.Equal(2, resumption.Ended(wasReady: true, Unavailable));
        resumption.Attempting(sendsHistory: false);
        resumption.ServerSent(Reply);
        Assert.Equal(0, resumption.Ended(wasReady: true, Unavailable));
        Assert.Equal(0, resumption.Ended(wasReady: true, Unavailable)); // an ending counts once
    }

    [Fact]
    public void A_fresh_session_or_an_abandoned_handle_starts_the_count_again()
    {
        var resumption = new Resumption(enabled: true, handle: "poisoned");
        resumption.Attempting(sendsHistory: false);
        resumption.Ended(wasReady: true, Unavailable);

        resumption.Refused();
        Assert.Equal(0, resumption.FailedResumes);
        resumption.Attempting(sendsHistory: true); // no handle: a fresh session, nothing resumed
        Assert.Equal(0, resumption.Ended(wasReady: true, Unavailable));
    }

    [Fact]
    public void A_resume_that_never_reached_setup_complete_or_was_lost_to_the_network_says_nothing_about_the_handle()
    {
        var resumption = new Resumption(enabled: true, handle: "h");

        resumption.Attempting(sendsHistory: false);
        Assert.Equal(0, resumption.Ended(wasReady: false, new ConnectionError.UpgradeFailed(503, new Dictionary<string, string>())));
        resumption.Attempting(sendsHistory: false);
        Assert.Equal(0, resumption.Ended(wasReady: true, new ConnectionError.ConnectionFailed("reset")));
        resumption.Attempting(sendsHistory: false);
        Assert.Equal(1, resumption.Ended(wasReady: true, Unavailable));
    }

    private static ServerMessage Update(string handle) =>
        new() { SessionResumptionUpdate = new SessionResumptionUpdate { Resumable = true, NewHandle = handle } };
}
