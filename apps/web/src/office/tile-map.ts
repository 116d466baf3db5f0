/**
 * Where each of Sweden's 21 regions sits on a tile map (column, row), north at the top, with
 * its county letter. Regions not listed here (other member organisations) appear only in the
 * table beside the map.
 */
export const regionTiles: Readonly<
  Record<string, { readonly column: number; readonly row: number; readonly code: string }>
> = {
  "region-norrbotten": { column: 3, row: 0, code: "BD" },
  "region-vasterbotten": { column: 2, row: 1, code: "AC" },
  "region-jamtland-harjedalen": { column: 1, row: 2, code: "Z" },
  "region-vasternorrland": { column: 2, row: 2, code: "Y" },
  "region-dalarna": { column: 1, row: 3, code: "W" },
  "region-gavleborg": { column: 2, row: 3, code: "X" },
  "region-varmland": { column: 0, row: 4, code: "S" },
  "region-orebro-lan": { column: 1, row: 4, code: "T" },
  "region-vastmanland": { column: 2, row: 4, code: "U" },
  "region-uppsala": { column: 3, row: 4, code: "C" },
  "region-vastra-gotaland": { column: 0, row: 5, code: "O" },
  "region-ostergotland": { column: 1, row: 5, code: "E" },
  "region-sormland": { column: 2, row: 5, code: "D" },
  "region-stockholm": { column: 3, row: 5, code: "AB" },
  "region-halland": { column: 0, row: 6, code: "N" },
  "region-jonkopings-lan": { column: 1, row: 6, code: "F" },
  "region-kalmar-lan": { column: 2, row: 6, code: "H" },
  "region-gotland": { column: 3, row: 6, code: "I" },
  "region-skane": { column: 0, row: 7, code: "M" },
  "region-kronoberg": { column: 1, row: 7, code: "G" },
  "region-blekinge": { column: 2, row: 7, code: "K" },
}
