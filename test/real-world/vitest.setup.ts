import { vi } from 'vitest'

// No analytics events from tests.
vi.mock('@/lib/analytics', () => ({ track: vi.fn(async () => {}) }))

// Dates in the cards are formatted in UTC whatever the machine's time zone.
process.env.TZ = 'UTC'
