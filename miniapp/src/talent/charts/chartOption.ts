/** The option type the talent charts build (types only: importing this file loads no ECharts code). */
import type { ComposeOption } from 'echarts/core';
import type { LineSeriesOption, RadarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, RadarComponentOption, TooltipComponentOption } from 'echarts/components';

export type TalentChartOption = ComposeOption<
  RadarSeriesOption | LineSeriesOption | RadarComponentOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | MarkLineComponentOption
>;
