/*
 * The fund's indicators on the fixture of fund-fixture.test.ts, worked out
 * BY HAND from the fixture's description below (never copied from what the
 * code answers). Each figure names the sessions it comes from and its
 * arithmetic.
 *
 * THE FIXTURE (days are offsets from today in Europe/Rome, `d-77` = 77 days
 * ago; times are Rome's; every appointment 60 minutes, by video, unless
 * said; "cs" = countersigned by the organisation's referent, with the rating
 * in brackets when one was given; "filed" = not countersigned). Requests
 * Q1–Q15 are sent through the organisations' keys today; Q5 and Q13 are
 * never taken in charge, every other one is approved for the hours given.
 *
 * IC Manzoni (school, AZIONE 1), mediator Amina:
 *   Q1  A.1 ara, site 'Scuola primaria "Via Roma"', 10 h. A weekly series of TEN at 09:00 from d-77:
 *       S1 d-77 … S10 d-14, all held, 09:00–10:00 but S10 09:00–10:30 (corrected, see below).
 *       Pupil MZ-0101 M EG at all ten: 6-10 at S1–S6, 11-13 at S7–S10 (he turned 11).
 *       Mother MZ-0101-M F 18+ EG at S1 and S10.
 *       Present: pupils 1 each; parents 1 at S1 and S10, else 0; teachers 1 each; others 0.
 *       S1 cs(5), S2 cs(4), S3 cs, S4 cs(4), S5 cs(5), S6 cs, S7 cs(3), S8 cs(5); S9, S10 filed.
 *       S10 was filed with the pupil's code mistyped MZ-0110 and ending 10:00; Amina corrected it
 *       to MZ-0101, ending 10:30.
 *   Q2  A.1 ara, site 'Scuola secondaria di I grado "Manzoni"', 3 h. Two bookings at 11:00:
 *       S11 d-60 held 11:00–12:30: MZ-0202 F 14-17 [MA, IT] (Italian-Moroccan), MZ-0202-P M 18+ [MA];
 *           present 1 pupil, 1 parent, 2 teachers, 1 other. cs(3).
 *       S12 d-53 held 11:00–11:45: MZ-0202 F 14-17 [IT, MA]; present 1, 0, 1, 0. filed.
 *   Q3  A.1 ara, site '  scuola primaria "VIA ROMA" ' (Q1's site written otherwise), 2 h. Two bookings
 *       at 11:00, both reports on VERSION 1 (no codes, one citizenship, XX = stateless or unknown):
 *       S13 d-45 held 11:00–12:00: {M 6-10 MA}, {F 18+ XX}, {F 18+ RO}; present 1, 2, 1, 0. cs(2).
 *       S14 d-38 held 11:00–12:00: {M 6-10 MA} (the same boy, but nothing says so); present 1, 0, 1, 0. filed.
 *   Q4  A.1 ara, site 'Scuola secondaria di I grado "Manzoni"', 4 h. Four bookings at 11:00:
 *       S15 d-30 not held ('non-svolto', family absent, 0 hours' notice). cs.
 *       S16 d-23 not held ('annullato', called off by the school, 72 hours' notice). filed.
 *       d+1 cancelled today by the coordinator: inside the 48 h notice, LATE. No report.
 *       d+8 still scheduled.
 *   Q5  A.1 ara, received only.
 *   Q15 A.1 ara, site 'Scuola secondaria di I grado "Manzoni"', 4 h. A weekly series of 4 at 14:00 from d-33:
 *       S17 d-33 held 14:00–15:00: MZ-0301 M 11-13 [SY], MZ-0302 F 11-13 [EG], MZ-0303 M 14-17 [SD];
 *           present 3, 0, 1, 1. cs(4).
 *       S18 d-26 held 14:00–15:00: MZ-0301, MZ-0302 (as before); present 2, 0, 1, 0. cs.
 *       S19 d-19 not held ('annullato', 'altro': a school trip, 10 hours' notice). filed.
 *       S20 d-12 held 14:00–16:00: MZ-0301, MZ-0302, MZ-0303 (as before), MZ-0304 F 11-13 [MA, FR];
 *           present 4, 0, 2, 0. filed.
 * IC Rodari (school, AZIONE 1):
 *   Q6  A.1 zho (Mandarin), site 'Scuola primaria "Rodari"', 6 h, mediator Li (who speaks cmn, Mandarin).
 *       A weekly series of 6 at 14:00 from d-49:
 *       S21 d-49 held 14:00–15:30: RD-0301 F 6-10 [CN], RD-0301-M F 18+ [CN]; present 1, 1, 1, 0. cs(4).
 *       S22 d-42 held 14:00–15:00: RD-0301; present 1, 0, 2, 0. cs(5).
 *       S23 d-35 not held ('non-svolto', called off by the mediator, 24 hours' notice). filed.
 *       S24 d-28 held 14:00–15:00: RD-0301, RD-0302 M 6-10 [CN]; present 2, 0, 1, 0. cs(3).
 *       S25 d-21 held 14:00–15:00: RD-0301; present 1, 0, 1, 0. filed.
 *       S26 d-14 held 14:00–15:00: RD-0302, RD-0301-M; present 1, 1, 1, 0. filed.
 *   Q7  A.1 sqi, site 'Scuola dell’infanzia "Arcobaleno"', 3 h, mediator Ardit. Three bookings at 10:00:
 *       S27 d-20 held 10:00–11:00: 1001 M 0-5 [AL], RD-0601 F 0-5 stateless; present 2, 1, 2, 0. cs(5).
 *       S28 d-13 held 10:00–11:00: 1001 (as before), RD-0602 F 18+ unknown; present 1, 1, 1, 1. filed.
 *       d-3 still scheduled: held or not, nobody has reported it yet.
 *   Q8  A.1 sqi, approved 2 h, never booked.
 *   D1  no request: the coordinator books Ardit for Rodari under AZIONE 1 at d-6 10:00:
 *       S29 held 10:00–11:00: RD-0701 M 11-13 [XK]; present 1, 1, 0, 0. filed.
 * Servizio Sociale di Base (service, AZIONE 2):
 *   Q9  A.3 ben, 6 h, mediator Rahim. A weekly series of 6 at 10:00 from d-84:
 *       S30 d-84 held 10:00–11:00: CART-0392 F 18+ [BD], CART-0393 M 6-10 [BD]; present 1 adult, 1 child, 1 worker, 0 others. cs(4).
 *       S31 d-77 held 10:00–11:00: CART-0392, CART-0394 M 18+ [BD, IT]; present 2, 0, 1, 0. cs(5).
 *       S32 d-70 held 10:00–11:30: CART-0392, CART-0393; present 1, 1, 2, 0. cs(4).
 *       S33 d-63 not held ('non-svolto', the client absent, 1 hour's notice). cs.
 *       S34 d-56 held 10:00–11:00: CART-0392; present 1, 0, 1, 1. cs(1), then REOPENED by the coordinator.
 *       S35 d-49 held 10:00–11:00: CART-0392, CART-0393; present 1, 1, 1, 0. filed.
 *   Q14 A.3 ben, 4 h, mediator Rahim. A weekly series of 4 at 11:00 from d-40:
 *       S36 d-40 held 11:00–12:00: CART-0600 F 18+ [BD]; present 1, 0, 1, 0. cs(3).
 *       S37 d-33 held 11:00–12:00: nobody of the family (the mediator and two workers prepared the case);
 *           no rows; present 0, 0, 2, 0. cs.
 *       S38 d-26 held 11:00–12:00: CART-0600, CART-0601 F 11-13 [BD]; present 1, 1, 1, 0. filed.
 *       S39 d-19 held 11:00–12:00: CART-0601; present 0, 1, 1, 0. filed.
 *   Q10 A.3 ara, 3 h, mediator Amina, IN PERSON at the service. Two bookings at 15:00:
 *       S40 d-16 held 15:00–16:30: CS-2201 M 18+ [MA, TN] (two third-country citizenships),
 *           1001 F 18+ [TN] (Rodari's code 1001 again: another organisation, another person);
 *           present 2, 0, 2, 0. cs(4).
 *       S41 d-9 held 15:00–16:00: CS-2201 (as before), CS-2203 M 14-17 unknown; present 1, 1, 1, 1. filed.
 *   Q11 A.3 ukr, 3 h, mediator Olena. Three bookings at 16:00:
 *       S42 d-19 held 16:00–17:00, VERSION 1: {F 18+ UA}, {M 11-13 XX}; present 1, 1, 1, 0. cs(5).
 *       d+1 cancelled today: LATE. d+15 still scheduled.
 *   Q12 A.3 urd, 2 h, mediator Arshad. Bookings d+5 and d+6 at 10:00, both cancelled today: IN TIME.
 *   Q13 A.3 ben, received only.
 *
 * 42 reports (Manzoni 20, Rodari 9, Servizi 13): 37 held, 5 not held; 49 appointments
 * (22 + 10 + 17), of which 2 cancelled late, 2 in time, 3 still scheduled.
 *
 * The period is d-90 to d+30: it holds every appointment (d-84 to d+15) and today, when the requests
 * are received. The test server's demo Ambito has no requests or appointments of its own (the test
 * checks the period is empty first), so the figures are absolute.
 *
 * The tenant's rules are the demo's (scheduling/settings.repository.ts DEFAULT_SETTINGS): 48 hours'
 * notice, 60 minutes' minimum billable time. A held session counts max(its minutes, 60); one not held
 * counts 60 when called off inside the notice (fewer than 48 hours) unless the mediator called it
 * off, else 0; a late cancellation 60; one in time 0; a scheduled appointment its length, at least 60.
 */

/** The period, as days from today in Europe/Rome. */
export const PERIOD_DAYS = { from: -90, to: 30 } as const;

const none = { held: 0, notHeld: 0, cancelledLate: 0, cancelledInTime: 0, scheduled: 0 };

/* ───────────────────────────── indicators.activity ───────────────────────────── */

/*
 * Manzoni, AZIONE 1 (22 appointments):
 *   held: Q1 10 (S1–S10) + Q2 2 (S11, S12) + Q3 2 (S13, S14) + Q15 3 (S17, S18, S20) = 17
 *   not held: Q4 S15, S16 + Q15 S19 = 3
 *   cancelled late: Q4 d+1 = 1; in time: 0; scheduled: Q4 d+8 = 1
 *   booked (billed minutes):
 *     Q1  S1–S9 60 each = 540, S10 90 (09:00–10:30 as corrected) → 630
 *     Q2  S11 90, S12 max(45, 60) = 60 → 150
 *     Q3  S13 60, S14 60 → 120
 *     Q4  S15 60 (0 h notice < 48, the family's absence), S16 0 (72 h ≥ 48), d+1 late 60, d+8 scheduled 60 → 180
 *     Q15 S17 60, S18 60, S19 60 (10 h < 48, not the mediator), S20 120 → 300
 *     630 + 150 + 120 + 180 + 300 = 1380
 *   delivered (countersigned): Q1 S1–S8 8 × 60 = 480; Q2 S11 90; Q3 S13 60; Q4 S15 60; Q15 S17 60 + S18 60 = 120
 *     480 + 90 + 60 + 60 + 120 = 810
 *   awaiting (filed): Q1 S9 60 + S10 90 = 150; Q2 S12 60; Q3 S14 60; Q4 S16 0; Q15 S19 60 + S20 120 = 180
 *     150 + 60 + 60 + 0 + 180 = 450
 *   authorised (the approvals of Manzoni's requests, all received in the period): Q1 10 h, Q2 3, Q3 2,
 *     Q4 4, Q5 never taken in charge 0, Q15 4 → 23 h = 1380
 */
export const MANZONI_ACTIVITY = {
  org: 'manzoni',
  action: '1',
  interventions: { held: 17, notHeld: 3, cancelledLate: 1, cancelledInTime: 0, scheduled: 1 },
  minutesAuthorised: 1380,
  minutesBooked: 1380,
  minutesDelivered: 810,
  minutesAwaitingCountersignature: 450,
} as const;

/*
 * Rodari, AZIONE 1 (10 appointments):
 *   held: Q6 S21, S22, S24, S25, S26 = 5; Q7 S27, S28 = 2; D1 S29 = 1 → 8
 *   not held: Q6 S23 = 1; late 0; in time 0; scheduled: Q7 d-3 = 1
 *   booked: Q6 S21 90 + S22 60 + S23 0 (the mediator called it off) + S24 60 + S25 60 + S26 60 = 330;
 *           Q7 S27 60 + S28 60 + d-3 60 = 180; D1 S29 60 → 330 + 180 + 60 = 570
 *   delivered: Q6 S21 90 + S22 60 + S24 60 = 210; Q7 S27 60 → 270
 *   awaiting: Q6 S23 0 + S25 60 + S26 60 = 120; Q7 S28 60; D1 S29 60 → 240
 *   authorised: Q6 6 h, Q7 3, Q8 2 (approved, never booked: still authorised) → 11 h = 660; D1 serves no request
 */
export const RODARI_ACTIVITY = {
  org: 'rodari',
  action: '1',
  interventions: { held: 8, notHeld: 1, cancelledLate: 0, cancelledInTime: 0, scheduled: 1 },
  minutesAuthorised: 660,
  minutesBooked: 570,
  minutesDelivered: 270,
  minutesAwaitingCountersignature: 240,
} as const;

/*
 * Servizi, AZIONE 2 (17 appointments):
 *   held: Q9 S30, S31, S32, S34, S35 = 5; Q14 S36–S39 = 4; Q10 S40, S41 = 2; Q11 S42 = 1 → 12
 *   not held: Q9 S33 = 1; late: Q11 d+1 = 1; in time: Q12 d+5, d+6 = 2; scheduled: Q11 d+15 = 1
 *   booked: Q9 60 + 60 + 90 + 60 (S33: 1 h < 48) + 60 + 60 = 390; Q14 4 × 60 = 240; Q10 90 + 60 = 150;
 *           Q11 S42 60 + late 60 + scheduled 60 = 180; Q12 0 + 0 → 390 + 240 + 150 + 180 = 960
 *   delivered: Q9 S30 60 + S31 60 + S32 90 + S33 60 = 270 (S34 reopened: filed again, no longer delivered);
 *              Q14 S36 60 + S37 60 = 120; Q10 S40 90; Q11 S42 60 → 270 + 120 + 90 + 60 = 540
 *   awaiting: Q9 S34 60 + S35 60 = 120; Q14 S38 60 + S39 60 = 120; Q10 S41 60 → 300
 *   authorised: Q9 6 h, Q14 4, Q10 3, Q11 3, Q12 2, Q13 never taken in charge 0 → 18 h = 1080
 */
export const SERVIZI_ACTIVITY = {
  org: 'servizi',
  action: '2',
  interventions: { held: 12, notHeld: 1, cancelledLate: 1, cancelledInTime: 2, scheduled: 1 },
  minutesAuthorised: 1080,
  minutesBooked: 960,
  minutesDelivered: 540,
  minutesAwaitingCountersignature: 300,
} as const;

/*
 * Totals: held 17 + 8 + 12 = 37; not held 3 + 1 + 1 = 5; late 1 + 0 + 1 = 2; in time 0 + 0 + 2 = 2;
 * scheduled 1 + 1 + 1 = 3 (37 + 5 + 2 + 2 + 3 = 49 appointments; 37 + 5 = 42 reports);
 * booked 1380 + 570 + 960 = 2910; delivered 810 + 270 + 540 = 1620; awaiting 450 + 240 + 300 = 990;
 * authorised 1380 + 660 + 1080 = 3120 (REACH.requests.minutesAuthorised, the same approvals).
 */
export const ACTIVITY_TOTALS = {
  interventions: { held: 37, notHeld: 5, cancelledLate: 2, cancelledInTime: 2, scheduled: 3 },
  minutesAuthorised: 3120,
  minutesBooked: 2910,
  minutesDelivered: 1620,
  minutesAwaitingCountersignature: 990,
};

/*
 * Language ara: the appointments of requests asking for Arabic: every Manzoni one (Q1, Q2, Q3, Q4, Q15
 * are all ara) and Servizi's Q10 (S40 held cs 90, S41 held filed 60); D1 has no request and so no language.
 *   Manzoni: as MANZONI_ACTIVITY.
 *   Servizi: held 2; booked 90 + 60 = 150; delivered 90; awaiting 60; authorised Q10 3 h = 180.
 *   Totals: held 17 + 2 = 19, not held 3, late 1, in time 0, scheduled 1; booked 1380 + 150 = 1530;
 *           delivered 810 + 90 = 900; awaiting 450 + 60 = 510; authorised 1380 + 180 = 1560.
 */
export const ACTIVITY_ARA = {
  rows: [
    MANZONI_ACTIVITY,
    { org: 'servizi', action: '2', interventions: { ...none, held: 2 }, minutesAuthorised: 180, minutesBooked: 150, minutesDelivered: 90, minutesAwaitingCountersignature: 60 },
  ],
  totals: {
    interventions: { held: 19, notHeld: 3, cancelledLate: 1, cancelledInTime: 0, scheduled: 1 },
    minutesAuthorised: 1560,
    minutesBooked: 1530,
    minutesDelivered: 900,
    minutesAwaitingCountersignature: 510,
  },
} as const;

/*
 * indicators.activityCsv, Italian: the same rows in hours with a decimal comma.
 *   (authorised first) Manzoni 1380/60 = 23; Rodari 660/60 = 11; Servizi 1080/60 = 18; Totale 3120/60 = 52
 *   Manzoni 1380/60 = 23, 810/60 = 13,5, 450/60 = 7,5
 *   Rodari   570/60 = 9,5, 270/60 = 4,5, 240/60 = 4
 *   Servizi  960/60 = 16,  540/60 = 9,   300/60 = 5
 *   Totale  2910/60 = 48,5, 1620/60 = 27, 990/60 = 16,5
 * Codes: Manzoni COIC81200D, Rodari COIC82300V, Servizi none (demo-data.ts).
 */
export const ACTIVITY_CSV = {
  header: ['Organizzazione', 'Codice meccanografico', 'AZIONE', 'Svolti', 'Non svolti', 'Annullati tardi', 'Annullati in tempo', 'Programmati', 'Ore autorizzate', 'Ore prenotate', 'Ore erogate', 'Ore in attesa di controfirma'],
  manzoni: ['COIC81200D', '1', '17', '3', '1', '0', '1', '23', '23', '13,5', '7,5'],
  rodari: ['COIC82300V', '1', '8', '1', '0', '0', '1', '11', '9,5', '4,5', '4'],
  servizi: ['', '2', '12', '1', '1', '2', '1', '18', '16', '9', '5'],
  total: ['Totale', '', '', '37', '5', '2', '2', '3', '52', '48,5', '27', '16,5'],
} as const;

/* ─────────────────────────── indicators.beneficiaries ─────────────────────────── */

/*
 * Every person the held sessions recorded, by organisation, each described by the latest session
 * (by start) that recorded them; version 1 rows are a person each.
 *
 * Manzoni:
 *   MZ-0101     S1–S10, latest S10 (as corrected): M 11-13 EG     third_country  (MZ-0110, the typo, is gone)
 *   MZ-0101-M   S1, S10, latest S10: F 18+ EG                     third_country
 *   MZ-0202     S11 [MA, IT], S12 [IT, MA]                        eu (Italian)
 *   MZ-0202-P   S11: M 18+ MA                                     third_country
 *   MZ-0301     S17, S18, S20: M 11-13 SY                         third_country
 *   MZ-0302     S17, S18, S20: F 11-13 EG                         third_country
 *   MZ-0303     S17, S20: M 14-17 SD                              third_country
 *   MZ-0304     S20: F 11-13 [MA, FR]                             eu (French)
 *   S13 row 1   M 6-10 MA (v1)                                    third_country, no code
 *   S13 row 2   F 18+ XX (v1)                                     unknown
 *   S13 row 3   F 18+ RO (v1)                                     eu
 *   S14 row 1   M 6-10 MA (v1)                                    third_country, no code
 *   → counted 8 (6 coded + 2 without code), eu 3, unknown 1
 * Rodari:
 *   RD-0301     S21, S22, S24, S25, latest S25: F 6-10 CN        third_country
 *   RD-0301-M   S21, S26: F 18+ CN                                third_country
 *   RD-0302     S24, S26: M 6-10 CN                               third_country
 *   1001        S27, S28: M 0-5 AL                                third_country
 *   RD-0601     S27: F 0-5                                        stateless
 *   RD-0602     S28: F 18+                                        unknown
 *   RD-0701     S29 (D1): M 11-13 XK                              third_country
 *   → counted 6, eu 0, unknown 1
 * Servizi:
 *   CART-0392   S30, S31, S32, S34, S35, latest S35: F 18+ BD     third_country
 *   CART-0393   S30, S32, S35: M 6-10 BD                          third_country
 *   CART-0394   S31: M 18+ [BD, IT]                               eu (Italian)
 *   CART-0600   S36, S38: F 18+ BD                                third_country
 *   CART-0601   S38, S39: F 11-13 BD                              third_country
 *   CS-2201     S40, S41: M 18+ [MA, TN], first MA                third_country, once
 *   1001        S40: F 18+ TN                                     third_country (not Rodari's 1001)
 *   CS-2203     S41: M 14-17                                      unknown
 *   S42 row 1   F 18+ UA (v1)                                     third_country, no code
 *   S42 row 2   M 11-13 XX (v1)                                   unknown
 *   (S37 recorded nobody; S33, not held, reached nobody.)
 *   → counted 7 (6 coded + 1 without code), eu 1, unknown 2
 *
 * counted 8 + 6 + 7 = 21; without code 2 + 0 + 1 = 3; eu 3 + 0 + 1 = 4; unknown 1 + 1 + 2 = 4.
 *
 * Groups of the counted (status, sex, age band, first citizenship), sorted as the service sorts them:
 * status, then citizenship (none first), sex, age band, as strings ('0-5' < '11-13' < '14-17' < '18+' < '6-10').
 *   stateless     F 0-5   —   RD-0601                                   1
 *   third_country M 0-5   AL  Rodari 1001                               1
 *   third_country F 11-13 BD  CART-0601                                 1
 *   third_country F 18+   BD  CART-0392, CART-0600                      2
 *   third_country M 6-10  BD  CART-0393                                 1
 *   third_country F 18+   CN  RD-0301-M                                 1
 *   third_country F 6-10  CN  RD-0301                                   1
 *   third_country M 6-10  CN  RD-0302                                   1
 *   third_country F 11-13 EG  MZ-0302                                   1
 *   third_country F 18+   EG  MZ-0101-M                                 1
 *   third_country M 11-13 EG  MZ-0101                                   1
 *   third_country M 18+   MA  MZ-0202-P, CS-2201                        2
 *   third_country M 6-10  MA  S13 row 1, S14 row 1                      2
 *   third_country M 14-17 SD  MZ-0303                                   1
 *   third_country M 11-13 SY  MZ-0301                                   1
 *   third_country F 18+   TN  Servizi 1001                              1
 *   third_country F 18+   UA  S42 row 1                                 1
 *   third_country M 11-13 XK  RD-0701                                   1
 *   1 + 1 + 1 + 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 2 + 2 + 1 + 1 + 1 + 1 + 1 = 21 ✓
 */
const g = (status: 'third_country' | 'stateless', sex: 'F' | 'M', ageBand: string, citizenship: string | null, people = 1) => ({ status, sex, ageBand, citizenship, people });

export const BENEFICIARIES = {
  counted: 21,
  countedWithoutCode: 3,
  notCounted: { eu: 4, unknown: 4 },
  groups: [
    g('stateless', 'F', '0-5', null),
    g('third_country', 'M', '0-5', 'AL'),
    g('third_country', 'F', '11-13', 'BD'),
    g('third_country', 'F', '18+', 'BD', 2),
    g('third_country', 'M', '6-10', 'BD'),
    g('third_country', 'F', '18+', 'CN'),
    g('third_country', 'F', '6-10', 'CN'),
    g('third_country', 'M', '6-10', 'CN'),
    g('third_country', 'F', '11-13', 'EG'),
    g('third_country', 'F', '18+', 'EG'),
    g('third_country', 'M', '11-13', 'EG'),
    g('third_country', 'M', '18+', 'MA', 2),
    g('third_country', 'M', '6-10', 'MA', 2),
    g('third_country', 'M', '14-17', 'SD'),
    g('third_country', 'M', '11-13', 'SY'),
    g('third_country', 'F', '18+', 'TN'),
    g('third_country', 'F', '18+', 'UA'),
    g('third_country', 'M', '11-13', 'XK'),
  ],
};

/*
 * AZIONE 1 (the schools): Manzoni + Rodari above.
 *   counted 8 + 6 = 14; without code 2 (S13, S14); eu 3 (MZ-0202, MZ-0304, S13 RO); unknown 1 + 1 = 2 (S13 XX, RD-0602).
 *   Groups: the full list without Servizi's people; M 18+ MA keeps only MZ-0202-P (1).
 *   1 + 1 + 3 (CN) + 3 (EG) + 1 + 2 + 1 + 1 + 1 = 14 ✓
 */
export const BENEFICIARIES_ACTION_1 = {
  counted: 14,
  countedWithoutCode: 2,
  notCounted: { eu: 3, unknown: 2 },
  groups: [
    g('stateless', 'F', '0-5', null),
    g('third_country', 'M', '0-5', 'AL'),
    g('third_country', 'F', '18+', 'CN'),
    g('third_country', 'F', '6-10', 'CN'),
    g('third_country', 'M', '6-10', 'CN'),
    g('third_country', 'F', '11-13', 'EG'),
    g('third_country', 'F', '18+', 'EG'),
    g('third_country', 'M', '11-13', 'EG'),
    g('third_country', 'M', '18+', 'MA'),
    g('third_country', 'M', '6-10', 'MA', 2),
    g('third_country', 'M', '14-17', 'SD'),
    g('third_country', 'M', '11-13', 'SY'),
    g('third_country', 'M', '11-13', 'XK'),
  ],
};

/*
 * AZIONE 2 (the service): Servizi above.
 *   counted 7; without code 1 (S42 UA); eu 1 (CART-0394); unknown 2 (CS-2203, S42 XX).
 *   CS-2201, with two third-country citizenships at two sessions, is ONE person, under MA, his first.
 *   1 + 2 + 1 + 1 + 1 + 1 = 7 ✓
 */
export const BENEFICIARIES_ACTION_2 = {
  counted: 7,
  countedWithoutCode: 1,
  notCounted: { eu: 1, unknown: 2 },
  groups: [
    g('third_country', 'F', '11-13', 'BD'),
    g('third_country', 'F', '18+', 'BD', 2),
    g('third_country', 'M', '6-10', 'BD'),
    g('third_country', 'M', '18+', 'MA'),
    g('third_country', 'F', '18+', 'TN'),
    g('third_country', 'F', '18+', 'UA'),
  ],
};

/*
 * Language ara: the held sessions of ara requests: all of Manzoni's (Q1, Q2, Q3, Q15; Q4 held none)
 * and Servizi's Q10 (S40, S41).
 *   Manzoni: counted 8, without code 2, eu 3, unknown 1.
 *   Q10: CS-2201 and Servizi's 1001 counted (2); CS-2203 unknown (1).
 *   counted 8 + 2 = 10; without code 2; eu 3; unknown 1 + 1 = 2.
 *   Groups: Manzoni's 7 kinds, M 18+ MA now MZ-0202-P and CS-2201 (2), and F 18+ TN (1).
 *   1 + 1 + 1 + 2 + 2 + 1 + 1 + 1 = 10 ✓
 */
export const BENEFICIARIES_ARA = {
  counted: 10,
  countedWithoutCode: 2,
  notCounted: { eu: 3, unknown: 2 },
  groups: [
    g('third_country', 'F', '11-13', 'EG'),
    g('third_country', 'F', '18+', 'EG'),
    g('third_country', 'M', '11-13', 'EG'),
    g('third_country', 'M', '18+', 'MA', 2),
    g('third_country', 'M', '6-10', 'MA', 2),
    g('third_country', 'M', '14-17', 'SD'),
    g('third_country', 'M', '11-13', 'SY'),
    g('third_country', 'F', '18+', 'TN'),
  ],
};

/*
 * Language ben: Q9 and Q14 (Q13 never booked). CART-0392, CART-0393, CART-0600, CART-0601 counted (4);
 * CART-0394 eu (1); nobody unknown, no version 1 rows.
 */
export const BENEFICIARIES_BEN = {
  counted: 4,
  countedWithoutCode: 0,
  notCounted: { eu: 1, unknown: 0 },
  groups: [
    g('third_country', 'F', '11-13', 'BD'),
    g('third_country', 'F', '18+', 'BD', 2),
    g('third_country', 'M', '6-10', 'BD'),
  ],
};

/*
 * Single days, each holding one session only (every other session is on another day: see the list
 * above), for the named checks:
 *   d-60  S11: MZ-0202-P counted (1); MZ-0202, Italian-Moroccan, eu (1).
 *   d-53  S12: MZ-0202 alone, [IT, MA]: nobody counted, eu 1.
 *   d-45  S13 (v1): the MA boy counted without a code (1); RO eu (1); XX unknown (1).
 *   d-20  S27: 1001 AL and RD-0601 stateless counted (2).
 *   d-13  S28: 1001 AL counted (1); RD-0602 unknown (1).
 */
export const BENEFICIARIES_DAYS = {
  '-60': { counted: 1, countedWithoutCode: 0, notCounted: { eu: 1, unknown: 0 }, groups: [g('third_country', 'M', '18+', 'MA')] },
  '-53': { counted: 0, countedWithoutCode: 0, notCounted: { eu: 1, unknown: 0 }, groups: [] },
  '-45': { counted: 1, countedWithoutCode: 1, notCounted: { eu: 1, unknown: 1 }, groups: [g('third_country', 'M', '6-10', 'MA')] },
  '-20': { counted: 2, countedWithoutCode: 0, notCounted: { eu: 0, unknown: 0 }, groups: [g('stateless', 'F', '0-5', null), g('third_country', 'M', '0-5', 'AL')] },
  '-13': { counted: 1, countedWithoutCode: 0, notCounted: { eu: 0, unknown: 1 }, groups: [g('third_country', 'M', '0-5', 'AL')] },
} as const;

/*
 * Mode in_person: Q10 alone was booked in person (S40, S41): CS-2201 and Servizi's 1001 counted (2),
 * CS-2203 unknown (1).
 */
export const BENEFICIARIES_IN_PERSON = {
  counted: 2,
  countedWithoutCode: 0,
  notCounted: { eu: 0, unknown: 1 },
  groups: [g('third_country', 'M', '18+', 'MA'), g('third_country', 'F', '18+', 'TN')],
};

/* ───────────────────────────── indicators.reach ───────────────────────────── */

/*
 * involved: schools with a held session: Manzoni, Rodari = 2; services: Servizi = 1.
 *   sites (A.1's site, trimmed and lower-cased, per organisation, of requests with a held session):
 *     Manzoni 'scuola primaria "via roma"' (Q1, and Q3 written otherwise), 'scuola secondaria di i grado
 *     "manzoni"' (Q2, Q15; Q4 held nothing but names the same); Rodari 'scuola primaria "rodari"' (Q6),
 *     'scuola dell’infanzia "arcobaleno"' (Q7); D1 has no request, A.3 no site → 2 + 2 = 4.
 * families: requests (or, without one, the appointment) with a held session at which a pupil, parent,
 *   adult client or child was present: Q1, Q2, Q3, Q15, Q6, Q7, D1, Q9, Q14 (S36, S38, S39), Q10, Q11 = 11
 *   (Q4 held nothing; Q15's several pupils are one request).
 * presences, added over the held sessions (school: family = pupils + parents, teachers, operators = other
 * staff; service: family = adults + children, workers are operators, "others" are not counted):
 *   Q1:  family S1 2 + S2–S9 8 × 1 + S10 2 = 12; teachers 10 × 1 = 10; operators 0
 *   Q2:  family S11 2 + S12 1 = 3; teachers 2 + 1 = 3; operators 1 + 0 = 1
 *   Q3:  family S13 3 + S14 1 = 4; teachers 1 + 1 = 2; operators 0
 *   Q15: family S17 3 + S18 2 + S20 4 = 9; teachers 1 + 1 + 2 = 4; operators 1 + 0 + 0 = 1
 *   Q6:  family S21 2 + S22 1 + S24 2 + S25 1 + S26 2 = 8; teachers 1 + 2 + 1 + 1 + 1 = 6; operators 0
 *   Q7:  family S27 3 + S28 2 = 5; teachers 2 + 1 = 3; operators 0 + 1 = 1
 *   D1:  family S29 2; teachers 0; operators 0
 *   Q9:  family S30 2 + S31 2 + S32 2 + S34 1 + S35 2 = 9; operators 1 + 1 + 2 + 1 + 1 = 6
 *   Q14: family S36 1 + S37 0 + S38 2 + S39 1 = 4; operators 1 + 2 + 1 + 1 = 5
 *   Q10: family S40 2 + S41 2 = 4; operators 2 + 1 = 3
 *   Q11: family S42 2; operators 1
 *   family 12 + 3 + 4 + 9 + 8 + 5 + 2 + 9 + 4 + 4 + 2 = 62
 *   teachers 10 + 3 + 2 + 4 + 6 + 3 = 28
 *   operators 1 + 1 + 1 + 6 + 5 + 3 + 1 = 18
 * requests: Q1–Q15 received today = 15; minutes authorised by the approvals:
 *   Q1 600 + Q2 180 + Q3 120 + Q4 240 + Q6 360 + Q7 180 + Q8 120 + Q9 360 + Q10 180 + Q11 180 + Q12 120
 *   + Q14 240 + Q15 240 = 3120 (Q5, Q13 never approved).
 * languages (requests; booked = with any appointment, a cancelled one too; held = with a session held;
 *   mediators = the Ambito's active mediators who speak it, as matching decides it
 *   (coordination/language-match.ts: the same code, or a macrolanguage and one of its members):
 *   ara: Q1, Q2, Q3, Q4, Q5, Q10, Q15 = 7; booked all but Q5 = 6; held all but Q4 and Q5 = 5; Amina = 1
 *   ben: Q9, Q13, Q14 = 3; booked Q9, Q14 = 2; held 2; Rahim = 1
 *   sqi: Q7, Q8 = 2; booked Q7 = 1; held 1; Ardit = 1
 *   ukr: Q11 = 1, 1, 1; Olena = 1
 *   urd: Q12 = 1; booked 1 (both cancelled, but booked); held 0; Arshad = 1
 *   zho: Q6 = 1, 1, 1; Li, who speaks cmn (Mandarin, a member of the macrolanguage zho) = 1
 *        (when this was written indicators.reach answered 0: reach.service.ts counts mediator_languages
 *        rows with the very code asked for, where matching, which suggests Li for this request, also
 *        takes a macrolanguage's members; the test keeps the hand-worked 1)
 *   sorted by requests, most first, then by code: ara, ben, sqi, ukr, urd, zho.
 * satisfaction: ratings of held sessions standing now:
 *   Q1 S1 5, S2 4, S4 4, S5 5, S7 3, S8 5; Q2 S11 3; Q3 S13 2; Q15 S17 4; Q6 S21 4, S22 5, S24 3;
 *   Q7 S27 5; Q9 S30 4, S31 5, S32 4 (S34's 1 went with its countersignature when reopened);
 *   Q14 S36 3; Q10 S40 4; Q11 S42 5 → 6 + 1 + 1 + 1 + 3 + 1 + 3 + 1 + 1 + 1 = 19 ratings
 *   1: none = 0; 2: S13 = 1; 3: S7, S11, S24, S36 = 4; 4: S2, S4, S17, S21, S30, S32, S40 = 7;
 *   5: S1, S5, S8, S22, S27, S31, S42 = 7 (0 + 1 + 4 + 7 + 7 = 19 ✓)
 *   mean (1×0 + 2×1 + 3×4 + 4×7 + 5×7) / 19 = (2 + 12 + 28 + 35) / 19 = 77 / 19 = 4.0526… → 4.05
 */
export const REACH = {
  involved: { schools: 2, sites: 4, services: 1 },
  families: 11,
  presences: { family: 62, teachers: 28, operators: 18 },
  requests: { received: 15, minutesAuthorised: 3120 },
  languages: [
    { language: 'ara', requests: 7, booked: 6, held: 5, mediators: 1 },
    { language: 'ben', requests: 3, booked: 2, held: 2, mediators: 1 },
    { language: 'sqi', requests: 2, booked: 1, held: 1, mediators: 1 },
    { language: 'ukr', requests: 1, booked: 1, held: 1, mediators: 1 },
    { language: 'urd', requests: 1, booked: 1, held: 0, mediators: 1 },
    { language: 'zho', requests: 1, booked: 1, held: 1, mediators: 1 },
  ],
  satisfaction: { ratings: 19, mean: 4.05, distribution: [0, 1, 4, 7, 7] as [number, number, number, number, number] },
};

/*
 * AZIONE 2 (the service's sessions; the A.3 requests):
 *   involved: schools 0, sites 0, services 1; families Q9, Q14, Q10, Q11 = 4
 *   presences: family 9 + 4 + 4 + 2 = 19; teachers 0; operators 6 + 5 + 3 + 1 = 15
 *   requests Q9–Q14 = 6; authorised Q9 360 + Q10 180 + Q11 180 + Q12 120 + Q14 240 = 1080 (Q13 none)
 *   languages: ben 3, 2, 2; ara (Q10) 1, 1, 1; ukr 1, 1, 1; urd 1, 1, 0
 *   ratings S30 4, S31 5, S32 4, S36 3, S40 4, S42 5 = 6; 3: 1, 4: 3, 5: 2;
 *   mean (3 + 12 + 10) / 6 = 25 / 6 = 4.1666… → 4.17
 */
export const REACH_ACTION_2 = {
  involved: { schools: 0, sites: 0, services: 1 },
  families: 4,
  presences: { family: 19, teachers: 0, operators: 15 },
  requests: { received: 6, minutesAuthorised: 1080 },
  languages: [
    { language: 'ben', requests: 3, booked: 2, held: 2, mediators: 1 },
    { language: 'ara', requests: 1, booked: 1, held: 1, mediators: 1 },
    { language: 'ukr', requests: 1, booked: 1, held: 1, mediators: 1 },
    { language: 'urd', requests: 1, booked: 1, held: 0, mediators: 1 },
  ],
  satisfaction: { ratings: 6, mean: 4.17, distribution: [0, 0, 1, 3, 2] as [number, number, number, number, number] },
};

/*
 * Language ara (Manzoni's Q1, Q2, Q3, Q15 held; Servizi's Q10):
 *   involved: schools 1 (Manzoni), sites 2 (Manzoni's two), services 1; families Q1, Q2, Q3, Q15, Q10 = 5
 *   presences: family 12 + 3 + 4 + 9 + 4 = 32; teachers 10 + 3 + 2 + 4 = 19; operators 0 + 1 + 0 + 1 + 3 = 5
 *   requests Q1, Q2, Q3, Q4, Q5, Q10, Q15 = 7; authorised 600 + 180 + 120 + 240 + 0 + 180 + 240 = 1560
 *   ratings S1 5, S2 4, S4 4, S5 5, S7 3, S8 5, S11 3, S13 2, S17 4, S40 4 = 10; 2: 1, 3: 2, 4: 4, 5: 3;
 *   mean (2 + 6 + 16 + 15) / 10 = 39 / 10 = 3.9
 */
export const REACH_ARA = {
  involved: { schools: 1, sites: 2, services: 1 },
  families: 5,
  presences: { family: 32, teachers: 19, operators: 5 },
  requests: { received: 7, minutesAuthorised: 1560 },
  languages: [{ language: 'ara', requests: 7, booked: 6, held: 5, mediators: 1 }],
  satisfaction: { ratings: 10, mean: 3.9, distribution: [0, 1, 2, 4, 3] as [number, number, number, number, number] },
};

/** What another Ambito's coordinator sees of the same period: nothing. */
export const NOTHING = {
  activity: { rows: [], totals: { interventions: none, minutesAuthorised: 0, minutesBooked: 0, minutesDelivered: 0, minutesAwaitingCountersignature: 0 } },
  beneficiaries: { counted: 0, countedWithoutCode: 0, notCounted: { eu: 0, unknown: 0 }, groups: [] },
  reach: {
    involved: { schools: 0, sites: 0, services: 0 },
    families: 0,
    presences: { family: 0, teachers: 0, operators: 0 },
    requests: { received: 0, minutesAuthorised: 0 },
    languages: [],
    satisfaction: { ratings: 0, mean: null, distribution: [0, 0, 0, 0, 0] },
  },
};
