"use client";

import { useEffect, useRef, useState } from "react";
import type { DataTable } from "@/lib/statistics/table";

type ECharts = ReturnType<(typeof import("echarts/core"))["init"]>;

/** The chart's option for a table: a line over time, bars per row, or bars stacked per column and month. */
function optionFor(table: DataTable, description: string) {
  const aria = { enabled: true, label: { description } };
  const tooltip = { trigger: "axis" as const, confine: true };
  const grid = { left: 8, right: 16, top: 32, bottom: 8, containLabel: true };
  if (table.chart === "line") {
    return {
      aria, tooltip, grid,
      xAxis: { type: "category" as const, data: table.rows.map((r) => String(r[0])) },
      yAxis: { type: "value" as const, minInterval: 1 },
      series: [{ type: "line" as const, name: table.columns[1], data: table.rows.map((r) => Number(r[1])), showSymbol: table.rows.length <= 62 }],
    };
  }
  if (table.chart === "bar") {
    const rows = [...table.rows].reverse();
    return {
      aria, tooltip, grid,
      xAxis: { type: "value" as const, minInterval: 1 },
      yAxis: { type: "category" as const, data: rows.map((r) => String(r[1])), axisLabel: { width: 160, overflow: "truncate" as const } },
      series: [{ type: "bar" as const, name: table.columns.at(-1), data: rows.map((r) => Number(r.at(-1))) }],
    };
  }
  const months = table.columns.slice(1, -1);
  return {
    aria, tooltip, grid: { ...grid, top: 56 },
    legend: { type: "plain" as const, top: 0 },
    xAxis: { type: "category" as const, data: months },
    yAxis: { type: "value" as const, minInterval: 1 },
    series: table.rows.map((r) => ({ type: "bar" as const, name: String(r[0]), stack: "total", data: months.map((_, i) => Number(r[i + 1])) })),
  };
}

/** The points a keyboard user steps through: one per category of the chart. */
function pointsOf(table: DataTable): string[] {
  if (table.chart === "line") return table.rows.map((r) => `${r[0]}：${r[1]}`);
  if (table.chart === "bar") return [...table.rows].reverse().map((r) => `${r[1]}：${r.at(-1)}`);
  return table.columns.slice(1, -1).map((month, i) => `${month}：${table.rows.map((r) => `${r[0]} ${r[i + 1]}`).join("，")}`);
}

/**
 * One chart of the statistics page. The region is focusable and named by the chart's
 * description (ECharts' aria option writes the same text); the arrow keys step through
 * its points, showing the tooltip and announcing the value. Every number is also in the
 * table under the chart, which works without this script.
 */
export function StatisticsChart({ table, description, hint }: { table: DataTable; description: string; hint: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [point, setPoint] = useState(-1);
  const points = pointsOf(table);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import("./statistics-echarts").then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const instance = echarts.init(ref.current, null, { renderer: "svg" });
      instance.setOption(optionFor(table, description));
      chart.current = instance;
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(ref.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [table, description]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity }[event.key];
    if (step === undefined || points.length === 0) return;
    event.preventDefault();
    const next = Math.min(points.length - 1, Math.max(0, (point < 0 && step > 0 ? -1 : point) + step));
    setPoint(next);
    chart.current?.dispatchAction({ type: "showTip", seriesIndex: 0, dataIndex: next });
  };

  return (
    <div className="stats-chart-wrap">
      <div
        ref={ref}
        className="stats-chart"
        role="img"
        tabIndex={0}
        aria-label={description}
        aria-describedby={`${table.key}-chart-hint`}
        onKeyDown={onKeyDown}
        onBlur={() => chart.current?.dispatchAction({ type: "hideTip" })}
      />
      <p id={`${table.key}-chart-hint`} className="field-hint">
        {hint}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {point >= 0 ? points[point] : ""}
      </p>
    </div>
  );
}
