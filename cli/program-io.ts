// What the program and its commands share: where they write and how they exit. Its own module, so that the
// commands need not import the program that registers them.

/** Exit codes: 0 all good, 1 a finding, 2 bad usage or config. */
export const EXIT_OK = 0
export const EXIT_FINDINGS = 1
export const EXIT_USAGE = 2

/** Where the program writes; tests pass their own. */
export interface ProgramIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** True when stdout is a terminal: a progress line is redrawn and colours are used. */
  isTTY?: boolean
}
