/** "2026-03-29 10:00:00": an instant's wall clock in `zone`, whatever the browser's zone (Swedish writes it in ISO order) */
export const wall = (instant: string | number, zone: string): string => new Date(instant).toLocaleString('sv', { timeZone: zone });
