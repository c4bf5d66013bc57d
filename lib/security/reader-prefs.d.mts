export const ELDER_KEY: string;
export const FONT_KEY: string;
export const EARLY_PREFS_SCRIPT: string;
