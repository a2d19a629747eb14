// Hosts the D3 bar chart; redraws when the bars change.
import { memo, useEffect, useRef } from 'react'
import { createBarChartView, type Bar, type BarChartView } from '../../view/chart/BarChartView'

function BarChartCanvasImpl({ bars, label }: { bars: Bar[]; label: string }) {
  const svgRef = useRef<SVGSVGElement>(null)
  const viewRef = useRef<BarChartView | null>(null)
  useEffect(() => {
    if (!svgRef.current) return
    const view = createBarChartView(svgRef.current)
    viewRef.current = view
    return () => {
      view.destroy()
      viewRef.current = null
    }
  }, [])
  useEffect(() => {
    viewRef.current?.update(bars)
  }, [bars])
  return <svg ref={svgRef} className="barchart" role="img" aria-label={label} />
}

export const BarChartCanvas = memo(BarChartCanvasImpl)
