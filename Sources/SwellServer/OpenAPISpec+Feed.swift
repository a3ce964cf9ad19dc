extension OpenAPISpec {
    /// Paths of the live feed, the executive summary, metrics and the dashboard.
    static let feedPaths = """
          /:
            get:
              summary: The executive dashboard (HTML; signs in with a token, then reads the API and the feed)
              security: []
              responses:
                '200': {description: The page., content: {text/html: {schema: {type: string}}}}
                '404': {$ref: '#/components/responses/Problem'}
          /assets/{file}:
            get:
              summary: The dashboard's scripts and styles
              security: []
              parameters:
                - {name: file, in: path, required: true, schema: {type: string}}
              responses:
                '200': {description: The file.}
                '404': {$ref: '#/components/responses/Problem'}
          /metrics:
            get:
              summary: Prometheus metrics
              description: >
                Open, like /healthz: only counts and timings (HTTP requests by route and status, complaints
                ingested, clusters created, warnings by level, the event log's head, feed subscribers, events
                sent, send delay and disconnects by reason), never case data. Restrict it at the network edge where that matters.
              security: []
              responses:
                '200': {description: Text exposition format 0.0.4., content: {text/plain: {schema: {type: string}}}}
          /v1/summary:
            get:
              summary: The executive view
              description: >
                Counts, the latest 20 warnings with their clusters' top terms, open incidents and complaints per
                hour. "Last 24 h" and "48 h" end at the newest complaint's receivedAt (event time), not the clock.
                Every role; never any personal data.
              responses:
                '200': {description: The summary., content: {application/json: {schema: {$ref: '#/components/schemas/Summary'}}}}
                '401': {$ref: '#/components/responses/Problem'}
          /v1/feed/ticket:
            post:
              summary: A single-use ticket to open the feed from a browser
              description: >
                Browsers cannot send headers with a WebSocket, and long-lived tokens must never go in a URL.
                The ticket is valid for one connection, for `expiresIn` seconds (30 unless
                SWELL_FEED_TICKET_SECONDS says otherwise). Every role. This is the step that
                explains a refusal (401, 403): a refused WebSocket upgrade is only a bare 400.
              responses:
                '201':
                  description: The ticket.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [ticket, expiresIn, url]
                        properties:
                          ticket: {type: string}
                          expiresIn: {type: integer, description: seconds}
                          url: {type: string, example: '/v1/feed?ticket=tkt_…'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
          /v1/feed:
            get:
              summary: The live event feed (WebSocket)
              description: >
                Upgrade to WebSocket with `?ticket=` (from POST /v1/feed/ticket) or `Authorization: Bearer`.
                A refused upgrade (no or bad ticket or token, bad `since`) is answered with a bare 400 and no
                problem document. Each text message is one FeedMessage. `?since=SEQ` first replays every
                event after SEQ from the log, then continues live, with no gap and no duplicate. Token events go
                to admins only; no message carries personal data. A heartbeat message
                {"type":"heartbeat","seq":<head>,"at":"…"} arrives every 15 s by default (WebSocket pings every 30 s
                too).
                Close codes: 1001 the server is shutting down; 4008 slow consumer (it stayed more than
                SWELL_FEED_BUFFER events behind for SWELL_FEED_SLOW_SECONDS without catching up). Both reasons say
                "resume with since=<last seq sent>"; reconnect with that. A plain GET (no upgrade) gets 426, or
                400 naming a bad `since`, `types` or `mode` (the diagnosable way to check them).
                `?types=` chooses event types: comma-separated patterns, `*` standing for any run of characters
                (`warning.*,incident.*,task.created`); each must match a known type. `?mode=summary` sends
                complaint-level events (complaint.received, cluster.created, cluster.updated) as counts, at most one
                a second and always before any later event: {"type":"complaints.arrived","seq":<last seq
                counted>,"fromSeq":…,"count":<complaints received>,"events":<events counted>,"at":"…"}. Resuming
                from the highest `seq` received misses nothing in either mode; a client that needs every event
                uses the default `mode=events`.
              parameters:
                - {name: ticket, in: query, schema: {type: string}}
                - {name: since, in: query, schema: {type: integer, format: int64, minimum: 0}}
                - {name: types, in: query, schema: {type: string, example: 'warning.*,incident.*,task.*'}}
                - {name: mode, in: query, schema: {type: string, enum: [events, summary], default: events}}
              responses:
                '101': {description: Switching to WebSocket; messages follow.}
                '400': {description: Upgrade refused (bare; see POST /v1/feed/ticket for a diagnosable answer).}
                '426': {$ref: '#/components/responses/Problem'}

        """

    /// Schemas of the feed messages and the summary.
    static let feedSchemas = """
            FeedMessage:
              type: object
              required: [type]
              properties:
                seq: {type: integer, format: int64, description: contiguous per store; the heartbeat's is the log head}
                at: {type: string, format: date-time}
                type: {type: string, description: 'event type (complaint.received, cluster.created, warning.raised, …) or heartbeat'}
                incidentId: {type: [integer, 'null'], format: int64}
                clusterId: {type: [integer, 'null'], format: int64}
                complaintId: {type: [integer, 'null'], format: int64}
                data: {type: object, description: the event payload; never personal data}
            Summary:
              type: object
              required: [generatedAt, counts, warnings, incidents, hourlyComplaints, correctiveActions]
              properties:
                generatedAt: {type: string, format: date-time}
                counts:
                  type: object
                  properties:
                    complaintsLast24h: {type: integer}
                    openWarnings: {type: integer, description: "live clusters standing at a warning level whose newest warning is open (nobody acknowledged, dismissed or opened an incident on it yet)"}
                    acknowledgedWarnings: {type: integer, description: live clusters at a warning level whose newest warning is acknowledged}
                    openIncidents: {type: integer}
                warnings:
                  type: array
                  items:
                    allOf:
                      - {$ref: '#/components/schemas/Warning'}
                      - {type: object, properties: {topTerms: {type: array, items: {type: string}}, title: {type: [string, 'null'], description: "the cluster's problem · trip · strongest entity"}}}
                incidents: {type: array, items: {$ref: '#/components/schemas/IncidentSummary'}}
                hourlyComplaints:
                  type: array
                  items: {type: object, properties: {hour: {type: string, format: date-time}, count: {type: integer}}}
                correctiveActions:
                  type: array
                  description: Reviews' corrective actions not done yet, closed incidents included, soonest due first.
                  items:
                    type: object
                    properties:
                      incidentId: {type: integer}
                      incidentTitle: {type: string}
                      taskId: {type: integer}
                      title: {type: string}
                      ownerRole: {type: string}
                      dueAt: {type: string, format: date-time}
                      overdue: {type: boolean}

        """
}
