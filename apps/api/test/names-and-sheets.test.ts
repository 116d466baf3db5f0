import ExcelJS from "exceljs"
import { expect, it } from "vitest"
import { describeApi } from "./support.js"

describeApi("names where people read, and a coverage sheet Swedish Excel opens", (api) => {
  it("speaks Swedish in the coverage CSV by default: BOM, semicolons, fallback column and role gaps", async () => {
    const { status, headers, text } = await api().call("reader", "GET", "/v1/coverage?format=csv")
    expect(status).toBe(200)
    expect(headers.get("content-type")).toBe("text/csv; charset=utf-8")
    expect(headers.get("content-disposition")).toBe('attachment; filename="tackning.csv"')
    // Decoding drops the BOM, so look at the bytes.
    const raw = await api().app.request("/v1/coverage?format=csv", {
      headers: { authorization: `Bearer ${api().tokens.reader}` },
    })
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(text.split("\r\n")).toEqual([
      "Region;Temagrupp;Status;Personer;Tar emot i stället;Saknade roller i regionen",
      "Region Halland;Alkoholprevention;saknar kanal;;ingen;processledare, ledning",
      "Region Halland;Tobaksprevention;saknar kanal;;ingen;processledare, ledning",
      "Region Skåne;Alkoholprevention;representerad;Cia Carlsson (temagruppsdeltagare);;presidieledamot, ledning",
      "Region Skåne;Tobaksprevention;brygga via kontaktperson;Cia Carlsson (kontaktperson);Cia Carlsson;presidieledamot, ledning",
      "Västra Götalandsregionen;Alkoholprevention;saknar kanal;;Bo Berg;presidieledamot",
      "Västra Götalandsregionen;Tobaksprevention;representerad;Anna Andersson (temagruppsdeltagare), Cecilia Ek (ordförande);;presidieledamot",
      "",
    ])
  })

  it("answers in English with ?lang=en", async () => {
    const { text } = await api().call("reader", "GET", "/v1/coverage?format=csv&lang=en")
    expect(text.split("\r\n").slice(0, 2)).toEqual([
      "Region,Theme group,Status,People,Receives instead,Roles the region lacks",
      'Region Halland,Alkoholprevention,no channel,,nobody,"process leader, management"',
    ])
    expect((await api().call("reader", "GET", "/v1/coverage?format=csv&lang=de")).status).toBe(400)
  })

  it("gives the same rows as a spreadsheet with ?format=xlsx, with the role gaps on a sheet of their own", async () => {
    const response = await api().app.request("/v1/coverage?format=xlsx", {
      headers: { authorization: `Bearer ${api().tokens.reader}` },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Täckning", "Rollgap"])
    const values = (name: string) => {
      const rows: Array<Array<unknown>> = []
      workbook.getWorksheet(name)?.eachRow((row) => {
        rows.push((row.values as Array<unknown>).slice(1))
      })
      return rows
    }
    const coverage = values("Täckning")
    expect(coverage).toHaveLength(7)
    expect(coverage[0]).toEqual([
      "Region",
      "Temagrupp",
      "Status",
      "Personer",
      "Tar emot i stället",
      "Saknade roller i regionen",
    ])
    expect(coverage[5]).toEqual([
      "Västra Götalandsregionen",
      "Alkoholprevention",
      "saknar kanal",
      "",
      "Bo Berg",
      "presidieledamot",
    ])
    expect(values("Rollgap")).toEqual([
      ["Region", "Saknade roller"],
      ["Region Halland", "processledare, ledning"],
      ["Region Skåne", "presidieledamot, ledning"],
      ["Västra Götalandsregionen", "presidieledamot"],
    ])
  })

  it("names the people in coverage cells and the fallback beside their ids", async () => {
    const { body } = await api().call("reader", "GET", "/v1/coverage")
    const cells = (body as { cells: Array<Record<string, unknown>> }).cells
    expect(cells.find((cell) => cell.regionId === "r-vg" && cell.themeGroupId === "tg-alkohol")).toEqual({
      regionId: "r-vg",
      regionName: "Västra Götalandsregionen",
      themeGroupId: "tg-alkohol",
      themeGroupName: "Alkoholprevention",
      status: "uncovered",
      people: [],
      fallback: { personId: "p-bo", via: "processLeader", name: "Bo Berg" },
    })
    expect(
      cells.find((cell) => cell.regionId === "r-skane" && cell.themeGroupId === "tg-tobak"),
    ).toMatchObject({
      people: [{ personId: "p-cia", role: "contactPerson", name: "Cia Carlsson" }],
    })
  })

  it("names every link of a reporting chain", async () => {
    const { body } = await api().call("reader", "GET", "/v1/people/p-anna/reporting-chain")
    expect(body).toEqual({
      personId: "p-anna",
      name: "Anna Andersson",
      links: [
        { personId: "p-anna", name: "Anna Andersson", role: "participant", regionId: "r-vg" },
        { personId: "p-bo", name: "Bo Berg", role: "processLeader", regionId: "r-vg" },
        { personId: "p-vgdir", name: "Gun Direktör", role: "management", regionId: "r-vg" },
      ],
    })
  })

  it("names the invitees of a regional meeting", async () => {
    const { body } = await api().call("reader", "GET", "/v1/regions/r-vg/meeting-invitees")
    expect(
      (body as { items: Array<{ personId: string; name: string }> }).items.map((i) => [i.personId, i.name]),
    ).toEqual([
      ["p-anna", "Anna Andersson"],
      ["p-bo", "Bo Berg"],
    ])
  })
})
