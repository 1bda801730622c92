/** The proof rounds (校次) and the word each prints in the proof's watermark and title. */
export const ROUNDS = { '1': '一校', '2': '二校', '3': '三校', final: '清样' } as const;
export type Round = keyof typeof ROUNDS;
