using BenchmarkDotNet.Running;
using SalesOps.Routing.Benchmarks;

// Entry point: dotnet run -c Release --project loadtests/SalesOps.Routing.Benchmarks -- --filter '*'
// The host's own Program is referenced too (the SLA sweep benchmarks use its store code), so this
// one stays unnamed and the assembly is found through a benchmark type.
BenchmarkSwitcher.FromAssembly(typeof(DecisionBenchmarks).Assembly).Run(args);
