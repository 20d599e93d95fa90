using LiveActors.Auth;
using LiveActors.Models;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision;
using LiveActors.Supervision.Turns;

namespace LiveActors.Tests.Supervision;

/// <summary>Each connection attempt's plan, without an actor: a resumed one presents the handle, a fresh one the history.</summary>
public sealed class AttemptPlannerTests
{
    private static readonly IReadOnlyList<Content> History = [Content.FromText("My name is Ada."), Content.FromText("Hello Ada!", Roles.Model)];

    [Fact]
    public void A_fresh_attempt_sets_up_a_new_server_session_with_the_initial_history_and_no_handle()
    {
        var planner = Planner(new SessionResumptionOptions { Enabled = true, Transparent = false });

        var plan = planner.Plan(handle: null, attempt: 1);

        Assert.NotNull(plan.History);
        Assert.Equal(2, plan.HandshakeMessages);
        Assert.Equal(1, plan.Attempt);
        Assert.NotNull(plan.Setup.SessionResumption);
        Assert.Null(plan.Setup.SessionResumption.Handle);
        Assert.Equal(true, plan.Setup.HistoryConfig?.InitialHistoryInClientContent); // this family takes history only at the start
        Assert.False(string.IsNullOrEmpty(plan.Setup.Model));
    }

    [Fact]
    public void A_resuming_attempt_presents_the_handle_and_sends_no_history_the_server_already_has()
    {
        var planner = Planner(new SessionResumptionOptions { Enabled = true, Transparent = true });

        var plan = planner.Plan(handle: "handle-1", attempt: 3);

        Assert.Null(plan.History);
        Assert.Equal(1, plan.HandshakeMessages);
        Assert.Equal(3, plan.Attempt);
        Assert.Equal("handle-1", plan.Setup.SessionResumption?.Handle);
        Assert.Equal(true, plan.Setup.SessionResumption?.Transparent);
        Assert.Null(plan.Setup.HistoryConfig);
    }

    [Fact]
    public void Without_resumption_the_setup_asks_for_none_and_every_attempt_shares_the_socket_settings()
    {
        var planner = Planner(new SessionResumptionOptions { Enabled = false });

        var first = planner.Plan(handle: null, attempt: 1);
        var second = planner.Plan(handle: null, attempt: 2);

        Assert.Null(first.Setup.SessionResumption);
        Assert.Same(first.Settings, second.Settings);
    }

    private static AttemptPlanner Planner(SessionResumptionOptions resumption)
    {
        var options = new LiveConnectionOptions
        {
            Model = "gemini-3.1-flash-live-preview",
            ApiKey = "test-key",
            InitialHistory = History,
            SessionResumption = resumption,
        };
        return new AttemptPlanner(options, AuthHeaders.ForGeminiApi(options.ApiKey), new ModelRules(options), invoker: null, telemetryTags: []);
    }
}
