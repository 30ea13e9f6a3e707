import Benchmark
import KeycardConsole

/// One frame of the console's pure render (state → cell grid) at 160×45, the work done per redraw.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .microseconds, warmupIterations: 10,
        maxDuration: .seconds(5), maxIterations: 10_000)
    let context = RenderContext(glyphs: .unicode)
    let runsList = ConsoleWorkload.state(runs: ConsoleWorkload.runs(10_000))
    let bigRun = ConsoleWorkload.run(steps: 200, tiers: 8)
    let graph = ConsoleWorkload.state(runs: [bigRun.run], detail: bigRun)
    let timeline = ConsoleWorkload.state(runs: [bigRun.run], detail: bigRun, timeline: true)

    Benchmark("render Runs view, 10,000 runs, 160x45") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(ConsoleRenderer.render(runsList, context: context)) }
    }

    Benchmark("render run graph, 200 steps in 8 tiers, 160x45") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(ConsoleRenderer.render(graph, context: context)) }
    }

    Benchmark("render run timeline, 200 steps, 160x45") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(ConsoleRenderer.render(timeline, context: context)) }
    }
}
