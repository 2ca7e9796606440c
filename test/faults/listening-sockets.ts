// The TCP sockets a process listens on, read from Linux's /proc: its socket inodes (from /proc/<pid>/fd) matched
// with the LISTEN entries of /proc/net/tcp and tcp6.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'

/** One listening socket: its local address and port. */
export interface ListeningSocket {
  address: string
  port: number
}

function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>()
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))
      if (match) inodes.add(match[1]!)
    } catch {
      // closed meanwhile
    }
  }
  return inodes
}

function ipv4(hex: string): string {
  return [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join('.')
}

function ipv6(hex: string): string {
  // /proc prints the address as four little-endian 32-bit words.
  const bytes = hex.match(/.{8}/g)!.flatMap((word) => word.match(/../g)!.reverse())
  const groups = bytes.join('').match(/.{4}/g)!.map((g) => parseInt(g, 16).toString(16))
  return groups.join(':')
}

/** Every TCP socket the process `pid` listens on (Linux only). */
export function listeningSockets(pid: number): ListeningSocket[] {
  const inodes = socketInodes(pid)
  const out: ListeningSocket[] = []
  for (const [table, decode] of [['/proc/net/tcp', ipv4], ['/proc/net/tcp6', ipv6]] as const) {
    let text: string
    try {
      text = readFileSync(table, 'utf8')
    } catch {
      continue
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/)
      if (fields.length < 10 || fields[3] !== '0A') continue // 0A: LISTEN
      if (!inodes.has(fields[9]!)) continue
      const [address, port] = fields[1]!.split(':') as [string, string]
      out.push({ address: decode(address), port: parseInt(port, 16) })
    }
  }
  return out
}
