// The ratings behind a calibration, as reliability data: units are candidate x dimension, coders are
// interviewers, and each coder gives a unit at most one value on the scale. "Insufficient evidence" is a
// missing value here, never a low one. An interviewer who rated the same dimension of a candidate in two
// stages counts once, with their later rating (the one given with more of the loop behind it).
export interface PanelRating {
  coder: number;
  value: number;
}

export interface PanelData {
  /** Levels of the scale: values run 1..levels. */
  levels: number;
  dimensions: ReadonlyArray<{ id: string; name: string }>;
  candidates: ReadonlyArray<{ name: string; slug: string }>;
  coders: ReadonlyArray<{ name: string; slug: string }>;
  /** cells[candidate][dimension]: the ratings on the scale, one per coder. */
  cells: ReadonlyArray<ReadonlyArray<readonly PanelRating[]>>;
}
