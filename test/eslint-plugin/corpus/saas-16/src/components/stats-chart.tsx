'use client'

import { useEffect, useState } from 'react'

export function StatsChart({ label }: { label: string }) {
  const [points, setPoints] = useState<number[]>([])
  useEffect(() => setPoints([1, 2, 3]), [])
  return <div>{label}: {points.join(',')}</div>
}
