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

  return <div class="chart" ref={element} style={{ height }} data-testid={testid} />;
}
