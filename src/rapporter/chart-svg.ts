// A chart as vector graphics for print: ECharts rendered on the server to an SVG string (no browser, no
// canvas), so the PDF keeps it crisp at any zoom.
import { createRequire } from "node:module";
import type * as Echarts from "echarts";
import { numberText } from "./figures.ts";
import type { AssembledChart } from "./model.ts";

// ECharts (about 600 modules) is loaded when the first chart is drawn, not when the server or a command starts:
// it was a third of every start. Synchronously, so drawing stays a plain function.
let loaded: typeof Echarts | undefined;
const echarts = () => {
  loaded ??= createRequire(import.meta.url)("echarts") as typeof Echarts;
  return loaded;
};

export function chartSvg(chart: AssembledChart, colour: string, width = 640): string {
  const bars = chart.bars.filter((b) => b.value !== null);
  const instance = echarts().init(null, null, { renderer: "svg", ssr: true, width, height: 60 + bars.length * 34 });
  try {
    instance.setOption({
      animation: false,
      textStyle: { fontFamily: "Arial, Liberation Sans, sans-serif", fontSize: 11, color: "#222" },
      grid: { left: 230, right: 70, top: 10, bottom: 30 },
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => numberText(v, 0) } },
      yAxis: { type: "category", inverse: true, data: bars.map((b) => b.label), axisTick: { show: false } },
      series: [
        {
          type: "bar",
          data: bars.map((b) => ({ value: b.value, itemStyle: { color: (b.value ?? 0) < 0 ? "#8a2b1d" : colour } })),
          label: {
            show: true,
            position: "right",
            formatter: (p: { dataIndex: number }) => bars[p.dataIndex]?.text ?? "",
          },
        },
      ],
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
