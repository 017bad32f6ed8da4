namespace SalesOps.Routing.LoadTests.Tests;

/// <summary>The rates a ramp offers: coarse steps to the first failure, then fine steps from the last clean rate.</summary>
public sealed class RampPlanTests
{
    [Fact]
    public void CleanSteps_ClimbByTheStepFactor_UpToTheMaxRate()
    {
        var plan = new RampPlan(startRate: 100, stepFactor: 2, refineFactor: 1.1, maxRate: 800);

        Assert.Equal([100, 200, 400, 800], Offered(plan, failFrom: double.MaxValue));
    }

    [Fact]
    public void AfterAFailedStep_FineStepsClimbFromTheLastCleanRate_ShortOfTheFailedOne()
    {
        var plan = new RampPlan(startRate: 100, stepFactor: 2, refineFactor: 1.25, maxRate: 10_000);

        // 400 fails; 200 was clean: 250 and 312.5 pass, 390.625 would pass too and is still short of 400.
        Assert.Equal([100, 200, 400, 250, 312.5, 390.625], Offered(plan, failFrom: 395));
    }

    [Fact]
    public void AFailedFineStep_EndsTheRamp()
    {
        var plan = new RampPlan(startRate: 100, stepFactor: 2, refineFactor: 1.25, maxRate: 10_000);

        Assert.Equal([100, 200, 400, 250, 312.5], Offered(plan, failFrom: 300));
    }

    [Fact]
    public void AFailedFirstStep_StepsDown_ThenRefinesUpFromTheFirstCleanRate()
    {
        var plan = new RampPlan(startRate: 100, stepFactor: 2, refineFactor: 1.25, maxRate: 10_000);

        // 100 and 50 fail, 25 passes: fine steps from 25 short of 50, the lowest rate that failed
        // (48.8 passes; 61 would be short of 100 but not of 50, so it is never offered).
        Assert.Equal([100, 50, 25, 31.25, 39.0625, 48.828125], Offered(plan, failFrom: 49));
    }

    [Fact]
    public void FailingDownToASixteenthOfTheFirstRate_EndsTheRamp()
    {
        var plan = new RampPlan(startRate: 160, stepFactor: 2, refineFactor: 1.25, maxRate: 10_000);

        Assert.Equal([160, 80, 40, 20, 10], Offered(plan, failFrom: 0));
    }

    [Fact]
    public void ARefineFactorNotBelowTheStepFactor_RefinesNothing()
    {
        var plan = new RampPlan(startRate: 100, stepFactor: 1.25, refineFactor: 1.25, maxRate: 10_000);

        Assert.Equal([100, 125, 156.25], Offered(plan, failFrom: 150));
    }

    // Runs the plan against a target that fails every rate at or over failFrom.
    private static List<double> Offered(RampPlan plan, double failFrom)
    {
        var offered = new List<double>();
        for (double? rate = plan.First; rate is { } r && offered.Count < 100; rate = plan.Next(r, passed: r < failFrom))
            offered.Add(r);
        return offered;
    }
}
