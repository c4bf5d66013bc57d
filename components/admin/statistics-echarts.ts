import { BarChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

/**
 * ECharts with only what the statistics page draws (line and bar charts, axes, tooltip,
 * legend, the aria description) and the SVG renderer — crisp at any zoom, text a
 * browser can read. Loaded by the chart component on demand: no other page pays for it.
 */
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export { echarts };
