#if Server
import AdviseKit
import Yams

/// The API's description (`GET /api/v1/openapi.json`, OpenAPI 3.1), written from the rule set so that its
/// levels and units are the ones the server accepts.
struct OpenAPIDocument {
    let settings: RegionalSettings
    let configuration: AdviceServer.Configuration

    /// The same document as YAML (`GET /api/v1/openapi.yaml`), its keys in the same order, written by Yams.
    var yaml: String {
        func node(_ value: JSONValue) -> Node {
            switch value {
            case .null: Node("null", Tag(.null))
            case let .bool(b): Node(b ? "true" : "false", Tag(.bool))
            case let .int(i): Node(String(i), Tag(.int))
            case let .double(d): Node(String(d), Tag(.float))
            case let .string(text): Node(text, Tag(.str), .doubleQuoted)
            case let .array(items): Node(items.map(node))
            case let .object(pairs): Node(pairs.map { (Node($0.0), node($0.1)) })
            }
        }
        return (try? Yams.serialize(node: node(json), allowUnicode: true)) ?? ""
    }

    var json: JSONValue {
        .object([
            ("openapi", .string("3.1.0")),
            ("info", .object([
                ("title", .string("advise")),
                ("version", .string("1")),
                ("description", .string("Farm-model advice for a household: which conversion, what it costs, what it earns, and the odds. "
                    + "Rule set \(settings.ruleset.id) \(settings.ruleset.version). Errors are 400 with the command line's codes and messages, "
                    + "in the language of `lang` or Accept-Language.")),
            ])),
            ("paths", .object([
                ("/api/v1/advice", .object([("post", advice)])),
                ("/api/v1/batch", .object([("post", batch)])),
                ("/healthz", .object([("get", .object([
                    ("summary", .string("Whether the server is up, and its rule set.")),
                    ("responses", .object([("200", .object([("description", .string("Up.")), ("content", json(ref: nil))])),
                                           ("503", .object([("description", .string("The advice log's last write failed (its code in `log`).")),
                                                            ("content", json(ref: nil))]))])),
                ]))])),
            ])),
            ("components", .object([
                ("schemas", .object([("Household", household), ("Errors", errors)])),
                ("securitySchemes", .object([("bearer", .object([("type", .string("http")), ("scheme", .string("bearer")),
                                                                ("description", .string("An officer's token (`advise users token NAME`): the advice is then recorded."))]))])),
            ])),
        ])
    }

    private var advice: JSONValue {
        .object([
            ("summary", .string("Advice for one household: the same JSON as `advise --household FILE --format json`.")),
            ("parameters", .array(commonParameters + [
                parameter("draws", "Price paths simulated for the odds (0: none).", .object([("type", .string("integer")), ("minimum", .int(0)),
                                                                                              ("maximum", .int(Int64(configuration.maxDraws))), ("default", .int(1000))])),
                parameter("seed", "Seed of the simulation.", .object([("type", .string("integer")), ("minimum", .int(0)), ("default", .int(1))])),
                parameter("consent", "1: the household agrees that its id and name are kept with the record (only with an officer's token).",
                          .object([("type", .string("string")), ("enum", .array([.string("1")]))])),
            ])),
            ("security", .array([.object([]), .object([("bearer", .array([]))])])),
            ("requestBody", .object([
                ("required", .bool(true)),
                ("content", .object([("application/json", .object([("schema", .object([("$ref", .string("#/components/schemas/Household"))]))]))])),
            ])),
            ("responses", .object([
                ("200", .object([("description", .string("The advice (fields as documented in docs/cli-and-json.md: recommendation, recommended_plan, options, risk, …).")),
                                 ("headers", .object([
                                     ("Advise-Log-Id", .object([("description", .string("The reference of the advice's record in the advice log (32 hexadecimal digits), when an officer's token recorded it.")),
                                                                ("schema", .object([("type", .string("string"))]))])),
                                     ("Advise-Log-Error", .object([("description", .string("Why the advice could not be recorded (log.corrupt, log.locked, …); the answer is given all the same.")),
                                                                   ("schema", .object([("type", .string("string"))]))])),
                                 ])),
                                 ("content", json(ref: nil))])),
                ("400", errorResponse("A value the rule set does not accept; each error names the field and the accepted forms.")),
                ("413", errorResponse("The body is larger than \(configuration.maxBodyBytes) bytes.")),
                ("415", errorResponse("The body is not sent as application/json.")),
            ])),
        ])
    }

    private var batch: JSONValue {
        .object([
            ("summary", .string("Advice for every household of a list, as `advise batch` writes it: one output row per input row, in order.")),
            ("parameters", .array(commonParameters + [
                parameter("format", "Output: csv or jsonl.", .object([("type", .string("string")), ("enum", .array([.string("csv"), .string("jsonl")])), ("default", .string("csv"))])),
                parameter("single", "1: answer each row with its best single model (the fast path) instead of its plan.", .object([("type", .string("string")), ("enum", .array([.string("1")]))])),
                parameter("risk", "1: add the odds' columns (slower).", .object([("type", .string("string")), ("enum", .array([.string("1")]))])),
                parameter("sheet", "A workbook's sheet to read (default: the first).", .object([("type", .string("string"))])),
            ])),
            ("requestBody", .object([
                ("required", .bool(true)),
                ("content", .object([
                    // Any text: a list the reader cannot use is answered row by row (error rows) or refused with a 400.
                    ("text/csv", .object([("schema", .object([("description", .string("A header row naming the columns like the flags (or in Vietnamese), then one household a row; UTF-8 or UTF-16, `,` `;` or tab."))]))])),
                    ("application/x-ndjson", .object([("schema", .object([("description", .string("One household object a line."))]))])),
                    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", .object([("schema", .object([("type", .string("string")), ("format", .string("binary")),
                        ("description", .string("An Excel workbook (.xlsx): its first sheet (or `sheet`), from the row that names a land column."))]))])),
                ])),
            ])),
            ("responses", .object([
                ("200", .object([
                    ("description", .string("The output rows; a row that could not be answered is an error row naming its line and column. Headers Advise-Rows and Advise-Failed count them.")),
                    ("content", .object([("text/csv", .object([("schema", .object([("type", .string("string"))]))])),
                                         ("application/x-ndjson", .object([("schema", .object([("type", .string("string"))]))]))])),
                ])),
                ("400", errorResponse("A header without a land column, or text that is not UTF-8/UTF-16.")),
                ("413", errorResponse("The upload is larger than \(configuration.maxUploadBytes) bytes.")),
                ("503", errorResponse("Other lists are being answered and the line is full: try again after Retry-After seconds.")),
            ])),
        ])
    }

    private var commonParameters: [JSONValue] {
        [
            parameter("lang", "Language of messages and errors (default: Accept-Language, else the rule set's).",
                      .object([("type", .string("string")), ("enum", .array(Language.allCases.map { .string($0.rawValue) }))])),
            parameter("rank", "Rank options by.", .object([("type", .string("string")), ("enum", .array(RankBy.allCases.map { .string($0.rawValue) })),
                                                           ("default", .string("gain"))])),
        ]
    }

    /// The household: the keys of a household file; values as text (with units) or numbers.
    private var household: JSONValue {
        var properties: [(String, JSONValue)] = [
            ("id", .object([("type", .array([.string("string"), .string("number"), .string("null")])), ("description", .string("The household's id (a register or club number)."))])),
            ("name", .object([("type", .array([.string("string"), .string("number"), .string("null")])), ("description", .string("The household's name, shown on the report only."))])),
            ("experience", .object([("type", .array([.string("string"), .string("array"), .string("null")])), ("items", .object([("type", .string("string"))])),
                                    ("description", .string("Models the household already practises (ids; several separated by commas, or a list): planned beyond their starter scale."))])),
        ]
        for fact in HouseholdFact.allCases {
            var schema: [(String, JSONValue)] = [("description", .string(description(fact)))]
            // A key not given may also be null (the land alone is required, and never null).
            let null: [JSONValue] = fact == .landM2 ? [] : [.string("null")]
            if let id = fact.scale, let scale = settings.scales[id] {
                schema.insert(("type", .array([.string("string")] + null)), at: 0)
                schema.append(("enum", .array(scale.levels.map { .string($0.id) } + (null.isEmpty ? [] : [.null]))))
            } else {
                schema.insert(("type", .array([.string("string"), .string("number")] + null)), at: 0)
            }
            properties.append((fact.inputName, .object(schema)))
        }
        return .object([
            ("type", .string("object")),
            ("required", .array([.string("land")])),
            // A key the engine does not know is refused by name (`field.unknown`), not ignored.
            ("additionalProperties", .bool(false)),
            ("properties", .object(properties)),
            ("example", .object([("land", .string("7 công")), ("capital", .string("150tr")), ("flood", .string("occasional")), ("members", .int(4))])),
        ])
    }

    private func description(_ fact: HouseholdFact) -> String {
        switch fact {
        case .landM2: "Land the household can convert: 7000 (m²), 7000m2, 0.7ha, "
            + settings.areaUnits.map { "2 \($0.written) (\(Int($0.size.value)) m²)" }.joined(separator: ", ") + "."
        case .capitalVND: "Own capital: 150000000, 150tr, 150 triệu đồng, 1ty5, 1 tỷ 500 triệu."
        case .labour: "Working household members."
        case .members: "Household members."
        case .otherIncomeVND: "Income beside the farm: 3tr (a month), 36tr/năm."
        case .flood, .salinity, .currentUse, .loanCategory:
            "One of the levels (their Vietnamese names and the aliases in the rule set are accepted too)."
        }
    }

    private var errors: JSONValue {
        .object([
            ("type", .string("object")),
            ("properties", .object([("errors", .object([
                ("type", .string("array")),
                ("items", .object([
                    ("type", .string("object")),
                    ("properties", .object([
                        ("code", .object([("type", .string("string")), ("description", .string("Stable, in English: input.land, request.draws, batch.header, …"))])),
                        ("severity", .object([("type", .string("string"))])),
                        ("message", .object([("type", .string("string")), ("description", .string("In the request's language: the field and the accepted forms."))])),
                        ("location", .object([("type", .array([.string("string"), .string("null")])), ("description", .string("request:LINE:COLUMN in the body, when known."))])),
                    ])),
                ])),
            ]))])),
        ])
    }

    private func parameter(_ name: String, _ description: String, _ schema: JSONValue) -> JSONValue {
        .object([("name", .string(name)), ("in", .string("query")), ("required", .bool(false)), ("description", .string(description)), ("schema", schema)])
    }

    private func errorResponse(_ description: String) -> JSONValue {
        .object([("description", .string(description)), ("content", json(ref: "#/components/schemas/Errors"))])
    }

    private func json(ref: String?) -> JSONValue {
        .object([("application/json", .object([("schema", ref.map { .object([("$ref", .string($0))]) } ?? .object([("type", .string("object"))]))]))])
    }
}
#endif
