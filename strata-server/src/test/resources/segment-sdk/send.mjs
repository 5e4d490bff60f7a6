// Sends identify, track, page and alias calls with the official Segment Node SDK to the server at
// argv[2] (its `host` option) and prints, one JSON object per line, every HTTP request body the SDK
// sent and every answer status, for SegmentSdkTest to compare with what the server stored.
import { Analytics } from '@segment/analytics-node'

const [host, writeKey] = process.argv.slice(2)
const analytics = new Analytics({ writeKey, host, flushAt: 3, flushInterval: 100, maxRetries: 0 })
const print = (o) => process.stdout.write(JSON.stringify(o) + '\n')
analytics.on('http_request', (r) => print({ kind: 'request', body: JSON.parse(r.body) }))
analytics.on('http_response', (r) => print({ kind: 'response', status: r.status }))
analytics.on('error', (e) => print({ kind: 'error', message: String(e?.reason ?? e) }))

analytics.identify({ userId: 'sdk-1', traits: { plan: 'medicare', age: 70, address: { state: 'CA' }, tags: ['a', 'b'] } })
analytics.track({ userId: 'sdk-1', event: 'App Open', properties: { screen: 'home', duration: 1.5, unicode: 'ünï' } })
analytics.track({ anonymousId: 'sdk-anon', event: 'Visit', timestamp: new Date('2026-01-02T03:04:05.678Z') })
analytics.page({ userId: 'sdk-1', name: 'Home', properties: { path: '/' } })
analytics.alias({ userId: 'sdk-1', previousId: 'sdk-anon' })
await analytics.closeAndFlush({ timeout: 20000 })
