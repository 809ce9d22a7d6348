// One ECharts instance per element; only the chart types the UI uses are bundled.
import { useEffect, useRef } from 'preact/hooks';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent,
  TitleComponent, TooltipComponent, CanvasRenderer,
]);

const asList = (v) => (Array.isArray(v) ? v : v ? [v] : []);

/** The words a chart shows: title, legend, axis names and category labels, series and mark names. */
export function chartWords(option) {
  if (!option) return '';
  const words = [];
  const add = (v) => { if (typeof v === 'string' && v) words.push(v); };
  asList(option.title).forEach((t) => { add(t.text); add(t.subtext); });
  asList(option.legend).forEach((l) => asList(l.data).forEach((d) => add(typeof d === 'string' ? d : d?.name)));
  [...asList(option.xAxis), ...asList(option.yAxis)].forEach((axis) => {
    add(axis.name);
    asList(axis.data).forEach((d) => add(typeof d === 'string' ? d : d?.value));
  });
  asList(option.series).forEach((s) => {
    add(s.name);
    asList(s.data).forEach((d) => add(d?.name));
    asList(s.markLine?.data).forEach((m) => { add(m?.name); add(m?.label?.formatter); });
    asList(s.markArea?.data).flat().forEach((m) => add(m?.name));
  });
  return [...new Set(words)].join(' · ');
}

/** @param {{option: object, dark?: boolean, height?: string, testid?: string}} props */
export function Chart({ option, dark = false, height = '320px', testid }) {
  const element = useRef(null);
  const chart = useRef(null);

  useEffect(() => {
    const instance = echarts.init(element.current, dark ? 'dark' : undefined);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [dark]);

  useEffect(() => {
    if (chart.current && option) {
      // Legends sit on top, clear of the x axis labels (ECharts 6 puts them at the bottom).
      const legend = option.legend && ('bottom' in option.legend ? option.legend : { top: 0, ...option.legend });
      chart.current.setOption({ backgroundColor: 'transparent', animation: false, ...option, legend }, { notMerge: true });
    }
  }, [option, dark]);

  // The canvas is invisible to screen readers (and to text checks): its words go in the label.
  return <div class="chart" ref={element} style={{ height }} data-testid={testid} role="img" aria-label={chartWords(option)} />;
}
