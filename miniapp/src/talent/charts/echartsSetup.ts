/**
 * The tree-shaken ECharts the talent charts use: the core, the radar and line charts, the components they need and
 * the SVG renderer (crisp on phones, no canvas scaling). Only ever imported dynamically (LazyChart), so none of it is
 * on the critical path.
 */
import { init, use } from 'echarts/core';
import { LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([RadarChart, LineChart, RadarComponent, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

export { init };
