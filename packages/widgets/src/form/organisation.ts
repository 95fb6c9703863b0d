/** The organisation that sends a form, as organisations.current and organisations.get answer it. */
export interface Organisation {
  id: string;
  name: string;
  mechanographicCode?: string | null;
  /** its sites (plessi), offered for a form's site field */
  sites?: { name: string }[];
}
