/** Every square icon size the app publishes. */
export const ICON_SIZES = [48, 72, 96, 144, 192] as const
