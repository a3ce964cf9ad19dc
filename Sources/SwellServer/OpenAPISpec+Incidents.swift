/// The incident part of the OpenAPI document: paths and schemas under `/v1/incidents`.
extension OpenAPISpec {
    static let incidentPaths = """
          /v1/incidents:
            get:
              summary: Incidents in the executive summary's shape, newest first
              description: state=open (default) lists every incident that is not closed; all lists every one.
              parameters:
                - {name: state, in: query, schema: {type: string, enum: [open, all, responding, monitoring, settling, resolved, closed]}}
              responses:
                '200': {description: Incidents., content: {application/json: {schema: {type: object, required: [items], properties: {items: {type: array, items: {$ref: '#/components/schemas/IncidentSummary'}}}}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
            post:
              summary: Open an incident from a warning or a cluster
              description: >
                Pins the playbook's name and version and plans its tasks whose anchors have happened. `at` is the
                opening instant (default now). Every client-supplied `at` on incident routes is refused with 422
                (`in_future`) when it lies more than 5 minutes after the server's clock, and with 422 when it lies
                before the incident's opening. 409 incident-already-open when the cluster has an incident that is
                not closed. The cluster's warnings move to state incident in the same transaction (warning.linked).
                Roles admin, incident_manager.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        warningId: {type: integer, format: int64}
                        clusterId: {type: integer, format: int64}
                        title: {type: string, maxLength: 200}
                        at: {type: string, format: date-time}
              responses:
                '201': {description: Opened., content: {application/json: {schema: {$ref: '#/components/schemas/Incident'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}:
            get:
              summary: One incident with its state history, phase and timing
              parameters: [{$ref: '#/components/parameters/IncidentId'}]
              responses:
                '200': {description: The incident., content: {application/json: {schema: {$ref: '#/components/schemas/Incident'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/transitions:
            post:
              summary: Move the incident to another state
              description: >
                open → responding → monitoring → settling → resolved → closed, with the steps back the state
                machine allows; 409 transition-forbidden otherwise. Phases started by the new state bring their
                tasks. Written as incident.state_changed. Roles admin, incident_manager.
              parameters: [{$ref: '#/components/parameters/IncidentId'}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: object, required: [to], properties: {to: {$ref: '#/components/schemas/IncidentState'}, at: {type: string, format: date-time}, falseAlarm: {type: boolean, description: "Closing as a false alarm: needs reason, no review. Otherwise closing needs a review with a root cause (409 review-missing)."}, reason: {type: string, maxLength: 2000}}}
              responses:
                '200': {description: The incident in its new state., content: {application/json: {schema: {$ref: '#/components/schemas/Incident'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/complaints:
            post:
              summary: Link a complaint from outside the cluster to the incident
              description: The incident's complaints are its cluster's (following merges), plus linked, less unlinked. Roles admin, incident_manager.
              parameters: [{$ref: '#/components/parameters/IncidentId'}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: object, required: [complaintId], properties: {complaintId: {type: integer, format: int64}, at: {type: string, format: date-time}}}
              responses:
                '200': {description: The incident., content: {application/json: {schema: {$ref: '#/components/schemas/Incident'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/complaints/{complaintId}:
            delete:
              summary: Take a complaint out of the incident
              description: Roles admin, incident_manager.
              parameters:
                - {$ref: '#/components/parameters/IncidentId'}
                - {name: complaintId, in: path, required: true, schema: {type: integer, format: int64}}
              responses:
                '200': {description: The incident., content: {application/json: {schema: {$ref: '#/components/schemas/Incident'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/timing:
            get:
              summary: Milestones reached (first complaint, warning, opened, first reply, regulator report, offer, resolved) and durations in seconds
              parameters: [{$ref: '#/components/parameters/IncidentId'}]
              responses:
                '200': {description: The timing record., content: {application/json: {schema: {$ref: '#/components/schemas/Timing'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/tasks:
            get:
              summary: The incident's playbook tasks, earliest due first
              description: overdue is judged at event time (the newest event time in the log).
              parameters:
                - {$ref: '#/components/parameters/IncidentId'}
                - {name: status, in: query, schema: {type: string, enum: [open, done, cancelled]}}
              responses:
                '200': {description: Tasks., content: {application/json: {schema: {type: object, required: [items], properties: {items: {type: array, items: {$ref: '#/components/schemas/Task'}}}}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/tasks/{taskId}:
            patch:
              summary: Assign, complete, cancel or reopen a task
              description: >
                admin and incident_manager may change any task; the task's owner role may complete it
                (status done). assignee null unassigns. Written as task.updated.
              parameters:
                - {$ref: '#/components/parameters/IncidentId'}
                - {name: taskId, in: path, required: true, schema: {type: integer, format: int64}}
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        assignee: {type: [string, 'null'], maxLength: 200}
                        status: {type: string, enum: [open, done, cancelled]}
                        note: {type: string, maxLength: 2000}
                        dueAt: {type: string, format: date-time, description: a new deadline; judged for overdue again}
                        at: {type: string, format: date-time}
              responses:
                '200': {description: The task., content: {application/json: {schema: {$ref: '#/components/schemas/Task'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/plan:
            get:
              summary: The response plan, with the affected headcount and the complaints' demands
              parameters: [{$ref: '#/components/parameters/IncidentId'}]
              responses:
                '200': {description: The plan., content: {application/json: {schema: {$ref: '#/components/schemas/Plan'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
            put:
              summary: Write the response plan (a new version, to be approved again)
              description: Roles admin, incident_manager.
              parameters: [{$ref: '#/components/parameters/IncidentId'}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: object, required: [text], properties: {text: {type: string}, predictedIssues: {type: array, items: {type: string}}, at: {type: string, format: date-time}}}
              responses:
                '200': {description: The plan., content: {application/json: {schema: {$ref: '#/components/schemas/Plan'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/plan/approve:
            post:
              summary: Approve the current version of the plan (who and when are recorded)
              description: 409 no-plan when none was written. Roles admin, incident_manager.
              parameters: [{$ref: '#/components/parameters/IncidentId'}]
              responses:
                '200': {description: The plan., content: {application/json: {schema: {$ref: '#/components/schemas/Plan'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/liaison-contacts:
            get:
              summary: The liaison log, oldest first
              parameters: [{$ref: '#/components/parameters/IncidentId'}]
              responses:
                '200': {description: Contacts., content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {$ref: '#/components/schemas/LiaisonContact'}}}}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
            post:
              summary: Log a contact with an authority, regulator or consumer association
              description: >
                A report sent to a regulator (bodyKind regulator with sent) marks the regulator-report
                milestone. No complainant's personal data belongs here. Roles admin, incident_manager, pr.
              parameters: [{$ref: '#/components/parameters/IncidentId'}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/LiaisonContactIn'}}}}
              responses:
                '201': {description: Logged., content: {application/json: {schema: {$ref: '#/components/schemas/LiaisonContact'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/media-contacts:
            get:
              summary: The media contact log, oldest first
              parameters: [{$ref: '#/components/parameters/IncidentId'}]
              responses:
                '200': {description: Contacts., content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {$ref: '#/components/schemas/MediaContact'}}}}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
            post:
              summary: Log a media contact with its tone
              description: Roles admin, incident_manager, pr.
              parameters: [{$ref: '#/components/parameters/IncidentId'}]
              requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/MediaContactIn'}}}}
              responses:
                '201': {description: Logged., content: {application/json: {schema: {$ref: '#/components/schemas/MediaContact'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/statements:
            get:
              summary: Statements, press conferences and media decisions, oldest first
              parameters: [{$ref: '#/components/parameters/IncidentId'}]
              responses:
                '200': {description: Statements., content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {$ref: '#/components/schemas/Statement'}}}}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
            post:
              summary: Log a statement, a press conference or a decision about one
              description: Roles admin, incident_manager, pr.
              parameters: [{$ref: '#/components/parameters/IncidentId'}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [kind, title, text]
                      properties:
                        kind: {type: string, enum: [statement, press_conference, decision]}
                        title: {type: string, maxLength: 200}
                        text: {type: string}
                        channels: {type: array, items: {type: string}}
                        at: {type: string, format: date-time}
              responses:
                '201': {description: Logged., content: {application/json: {schema: {$ref: '#/components/schemas/Statement'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/offers:
            get:
              summary: Every version of the settlement offer, oldest first, each with its take-up
              parameters: [{$ref: '#/components/parameters/IncidentId'}]
              responses:
                '200': {description: Offers., content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {$ref: '#/components/schemas/Offer'}}}}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
            post:
              summary: Publish the offer, or its next version
              description: >
                The base per complainant is either `base` (minor units) or computed from the playbook's
                compensation table for `category` with the case's `amount`, `tourPrice` and `occurrences`;
                `upliftPercent` adds a goodwill share. Tiers come from the playbook, counted from `at` (T0), and
                never change once published: publishing again is a new version that supersedes the last.
                `eligible` defaults to the incident's distinct complainants. Roles admin, incident_manager.
              parameters: [{$ref: '#/components/parameters/IncidentId'}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        base: {$ref: '#/components/schemas/Money'}
                        category: {type: string}
                        amount: {$ref: '#/components/schemas/Money'}
                        tourPrice: {$ref: '#/components/schemas/Money'}
                        occurrences: {type: integer, minimum: 1}
                        upliftPercent: {type: number}
                        eligible: {type: integer, minimum: 0}
                        at: {type: string, format: date-time}
              responses:
                '201': {description: Published., content: {application/json: {schema: {$ref: '#/components/schemas/Offer'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/offers/{offerId}:
            get:
              summary: One offer version with its take-up at event time
              parameters: [{$ref: '#/components/parameters/IncidentId'}, {$ref: '#/components/parameters/OfferId'}]
              responses:
                '200': {description: The offer., content: {application/json: {schema: {$ref: '#/components/schemas/Offer'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/offers/{offerId}/responses:
            get:
              summary: The answers to one offer version, oldest first
              parameters: [{$ref: '#/components/parameters/IncidentId'}, {$ref: '#/components/parameters/OfferId'}]
              responses:
                '200': {description: Responses., content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {$ref: '#/components/schemas/OfferResponse'}}}}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
            post:
              summary: Record a complainant's acceptance or refusal
              description: >
                The server works out the tier from `at` against the offer's publication (a tier includes its
                end); a tier sent by the client is ignored. Only the current version takes answers (409
                offer-superseded); one answer per complaint (409 already-responded); an answer before the
                publication is 422. Roles admin, incident_manager.
              parameters: [{$ref: '#/components/parameters/IncidentId'}, {$ref: '#/components/parameters/OfferId'}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [complaintId, decision]
                      properties:
                        complaintId: {type: integer, format: int64}
                        decision: {type: string, enum: [accepted, refused]}
                        at: {type: string, format: date-time}
              responses:
                '201': {description: Recorded., content: {application/json: {schema: {$ref: '#/components/schemas/OfferResponse'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/daily-reports:
            get:
              summary: The daily monitoring reports, oldest day first
              description: Written by the scheduler at the playbook's dailyReport.at (local time) as event time passes it.
              parameters: [{$ref: '#/components/parameters/IncidentId'}]
              responses:
                '200': {description: Reports., content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {$ref: '#/components/schemas/DailyReport'}}}}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/daily-reports/{day}:
            get:
              summary: One day's report as JSON, or as a printable HTML page with an inline SVG chart
              description: day is the playbook's local date (YYYY-MM-DD); append .html or pass format=html for the page.
              parameters:
                - {$ref: '#/components/parameters/IncidentId'}
                - {name: day, in: path, required: true, schema: {type: string}}
                - {name: format, in: query, schema: {type: string, enum: [json, html]}}
              responses:
                '200':
                  description: The report.
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/DailyReport'}}
                    text/html: {schema: {type: string}}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
          /v1/playbooks:
            get:
              summary: Every playbook version that ran on this store
              description: >
                Each version a server loaded is kept for good (name, version, SHA-256 of its text, when it first
                ran), so an incident is judged by the version it opened under after the file changes. A server
                refuses to start with an edited playbook whose version was not changed. `current` marks the
                version this server follows; `incidents` counts the incidents pinned to each. Every role.
              responses:
                '200':
                  description: The versions, oldest first, without their text.
                  content:
                    application/json:
                      schema: {type: object, required: [items], properties: {items: {type: array, items: {$ref: '#/components/schemas/PlaybookVersion'}}}}
                '401': {$ref: '#/components/responses/Problem'}
          /v1/playbooks/{version}:
            get:
              summary: One playbook version with its text
              description: >
                `name` defaults to the playbook this server follows. `format=yaml` answers the YAML exactly as it
                ran (application/yaml); the default is JSON with the text in `content`. Every role.
              parameters:
                - {name: version, in: path, required: true, schema: {type: string}}
                - {name: name, in: query, schema: {type: string}}
                - {name: format, in: query, schema: {type: string, enum: [json, yaml], default: json}}
              responses:
                '200':
                  description: The version.
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/PlaybookVersion'}}
                    application/yaml: {schema: {type: string}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
        """

    static let incidentComponents = """
          parameters:
            IncidentId: {name: id, in: path, required: true, schema: {type: integer, format: int64}}
            OfferId: {name: offerId, in: path, required: true, schema: {type: integer, format: int64}}
        """

    static let incidentSchemas = """
            PlaybookVersion:
              type: object
              required: [name, version, sha256, firstLoadedAt, current, incidents]
              properties:
                name: {type: string}
                version: {type: string}
                sha256: {type: string, description: hex SHA-256 of the text}
                firstLoadedAt: {type: string, format: date-time}
                current: {type: boolean}
                incidents: {type: integer}
                content: {type: string, description: 'the YAML as it ran (GET /v1/playbooks/{version} only)'}
            IncidentState:
              type: string
              enum: [open, responding, monitoring, settling, resolved, closed]
            Money:
              type: object
              required: [minorUnits, currency]
              properties:
                minorUnits: {type: integer, format: int64, description: fen or cents}
                currency: {type: string, example: CNY}
            Incident:
              type: object
              required: [id, title, state, allowedTransitions, clusterId, playbook, openedAt, openedBy, history, timing]
              properties:
                id: {type: integer, format: int64}
                title: {type: string}
                state: {$ref: '#/components/schemas/IncidentState'}
                allowedTransitions: {type: array, items: {$ref: '#/components/schemas/IncidentState'}}
                level: {type: string, enum: [blue, yellow, orange, red]}
                phase: {type: string, description: the playbook phase started last}
                clusterId: {type: integer, format: int64}
                warningId: {type: integer, format: int64}
                playbook: {type: object, properties: {name: {type: string}, version: {type: string}}}
                openedAt: {type: string, format: date-time}
                openedBy: {type: string, description: a staff name, or auto-open}
                history: {type: array, items: {type: object, properties: {state: {$ref: '#/components/schemas/IncidentState'}, at: {type: string, format: date-time}, by: {type: string}}}}
                linkedComplaints: {type: array, items: {type: integer, format: int64}}
                unlinkedComplaints: {type: array, items: {type: integer, format: int64}}
                timing: {$ref: '#/components/schemas/Timing'}
            IncidentSummary:
              type: object
              description: Every key is always present (null when there is no value).
              required: [id, title, state, level, phase, clusterId, openedAt, nextDeadline, overdueTasks, followUps, complaintCount, distinctComplainants, acceptance, cases, mediaContacts, dailyCounts, publicOpinion]
              properties:
                id: {type: integer, format: int64}
                title: {type: string}
                state: {$ref: '#/components/schemas/IncidentState'}
                level: {type: [string, 'null']}
                phase: {type: [string, 'null']}
                clusterId: {type: integer, format: int64}
                openedAt: {type: string, format: date-time}
                nextDeadline:
                  oneOf: [{type: 'null'}, {$ref: '#/components/schemas/Deadline'}]
                overdueTasks: {type: integer, description: open tasks past their deadline, follow-ups included}
                followUps:
                  type: array
                  description: open follow-ups and authorities' response deadlines set by liaison and media contacts, soonest first
                  items: {$ref: '#/components/schemas/Deadline'}
                complaintCount: {type: integer}
                distinctComplainants: {type: integer}
                acceptance:
                  type: [object, 'null']
                  properties:
                    eligible: {type: integer}
                    accepted: {type: integer}
                    rate: {type: number, description: 0 when nobody is eligible}
                    currentTier: {type: [integer, 'null'], description: 1 = first (highest) tier}
                    tierEndsAt: {type: [string, 'null'], format: date-time}
                    offerId: {type: integer, format: int64}
                    refused: {type: integer}
                    curveBucket: {type: string, enum: [hour, day], description: Hourly while the offer is at most two days old.}
                    curve: {type: array, description: The latest 48 buckets of the acceptance curve (cumulative)., items: {type: object, properties: {endsAt: {type: string, format: date-time}, accepted: {type: integer}, refused: {type: integer}, pending: {type: integer}}}}
                    tierEnds: {type: array, items: {type: string, format: date-time}}
                cases:
                  type: object
                  description: The complainants' cases (GET …/cases has them one by one).
                  properties:
                    byState: {type: object, additionalProperties: {type: integer}}
                    overdue: {type: integer, description: Cases with a deadline overdue now.}
                mediaContacts: {type: array, items: {type: object, properties: {at: {type: string, format: date-time}, outlet: {type: string}, tone: {type: string, enum: [positive, neutral, negative]}}}}
                publicOpinion:
                  allOf: [{$ref: '#/components/schemas/DailyMediaReport'}]
                  description: Public mentions about the incident's cluster over the last 24 hours (trend against the 24 before), and mentions per day on the days of dailyCounts.
                dailyCounts: {type: array, items: {type: object, properties: {day: {type: string, format: date}, count: {type: integer}}}}
            Deadline:
              type: object
              properties:
                taskId: {type: integer, format: int64}
                title: {type: string}
                dueAt: {type: string, format: date-time}
                ownerRole: {type: string}
                kind: {$ref: '#/components/schemas/TaskKind'}
                overdue: {type: boolean}
            TaskKind:
              type: string
              enum: [playbook, follow_up, authority_response, corrective_action]
              description: >
                playbook, a task template of the playbook; follow_up, a liaison or media contact's followUpDue
                (owned by the role that logged the contact); authority_response, a liaison contact's responseDue
                (owned by incident_manager); corrective_action, a corrective action of the review (worked, and
                overdue, even after the incident closed).
            Timing:
              type: object
              properties:
                instants: {type: object, additionalProperties: {type: string, format: date-time}, description: first_complaint, warning_raised, opened, first_reply, regulator_report_sent, offer_published, resolved}
                durations: {type: object, additionalProperties: {type: number}, description: timeToDetect, timeToOpen, timeToRespond, timeToReportToRegulator, timeToOffer, timeToResolve (seconds)}
            Task:
              type: object
              required: [id, key, templateId, phaseId, kind, title, ownerRole, opensAt, dueAt, status, overdue]
              properties:
                id: {type: integer, format: int64}
                key: {type: string, description: template id, with '#n' for the n-th occurrence of a recurring task}
                templateId: {type: string, description: the playbook task id, or follow_up / authority_response}
                phaseId: {type: string}
                kind: {$ref: '#/components/schemas/TaskKind'}
                contactId: {type: integer, format: int64, description: the liaison or media contact that set this deadline}
                title: {type: string}
                titleZh: {type: string}
                ownerRole: {type: string}
                assignee: {type: string}
                opensAt: {type: string, format: date-time}
                dueAt: {type: string, format: date-time}
                status: {type: string, enum: [open, done, cancelled]}
                overdue: {type: boolean}
                overdueAt: {type: string, format: date-time}
                occurrence: {type: integer}
                completedAt: {type: string, format: date-time}
                completedBy: {type: string}
                note: {type: string}
            Plan:
              type: object
              properties:
                affectedHeadcount: {type: integer, description: distinct complainants of the incident}
                complaintCount: {type: integer}
                demands: {type: array, items: {type: object, properties: {demand: {type: string}, count: {type: integer}}}}
                version: {type: integer}
                predictedIssues: {type: array, items: {type: string}}
                text: {type: string}
                updatedBy: {type: string}
                updatedAt: {type: string, format: date-time}
                approvedBy: {type: string}
                approvedAt: {type: string, format: date-time}
            LiaisonContactIn:
              type: object
              required: [body, channel, summary]
              properties:
                body: {type: string, description: the authority or organisation}
                bodyKind: {type: string, enum: [regulator, government, consumer_association, other]}
                person: {type: string}
                channel: {type: string}
                sent: {type: string, description: what was sent (a report, materials)}
                summary: {type: string}
                followUpDue: {type: string, format: date-time, description: creates a follow_up task owned by the role that logs the contact; must be after `at`}
                referenceNo: {type: string, maxLength: 100, description: "the authority's reference number for the case (受理编号)"}
                responseDue: {type: string, format: date-time, description: "the answer the authority asked for is due then; creates an authority_response task; must be after `at`"}
                at: {type: string, format: date-time}
            LiaisonContact:
              allOf:
                - {$ref: '#/components/schemas/LiaisonContactIn'}
                - {type: object, properties: {id: {type: integer, format: int64}, loggedBy: {type: string}}}
            MediaContactIn:
              type: object
              required: [outlet, channel, inquiry, tone]
              properties:
                outlet: {type: string}
                journalist: {type: string}
                channel: {type: string}
                inquiry: {type: string}
                said: {type: string}
                tone: {type: string, enum: [positive, neutral, negative]}
                followUpDue: {type: string, format: date-time, description: creates a follow_up task owned by the role that logs the contact; must be after `at`}
                at: {type: string, format: date-time}
            MediaContact:
              allOf:
                - {$ref: '#/components/schemas/MediaContactIn'}
                - {type: object, properties: {id: {type: integer, format: int64}, loggedBy: {type: string}}}
            Statement:
              type: object
              properties:
                id: {type: integer, format: int64}
                kind: {type: string, enum: [statement, press_conference, decision]}
                title: {type: string}
                text: {type: string}
                channels: {type: array, items: {type: string}}
                at: {type: string, format: date-time}
                loggedBy: {type: string}
            Offer:
              type: object
              properties:
                id: {type: integer, format: int64}
                version: {type: integer}
                current: {type: boolean}
                publishedAt: {type: string, format: date-time}
                publishedBy: {type: string}
                basis: {type: string, description: base, or the compensation category}
                base: {$ref: '#/components/schemas/Money'}
                eligible: {type: integer}
                supersedes: {type: integer, format: int64}
                tiers: {type: array, items: {type: object, properties: {tier: {type: integer}, endsAt: {type: string, format: date-time}, percent: {type: number}, fixed: {$ref: '#/components/schemas/Money'}}}}
                totals:
                  type: object
                  properties:
                    eligible: {type: integer}
                    accepted: {type: integer}
                    rate: {type: [number, 'null']}
                    byTier: {type: array, items: {type: object, properties: {tier: {type: [integer, 'null']}, accepted: {type: integer}, bonus: {$ref: '#/components/schemas/Money'}, payout: {$ref: '#/components/schemas/Money'}}}}
                    totalBonus: {$ref: '#/components/schemas/Money'}
                    totalPayout: {$ref: '#/components/schemas/Money'}
                    currentTier: {type: [integer, 'null']}
                    tierEndsAt: {type: [string, 'null'], format: date-time}
                    secondsUntilTierEnds: {type: [number, 'null']}
                    collective:
                      type: [object, 'null']
                      description: >
                        The playbook's collective bonus: once `threshold` acceptances (the share of eligible, rounded up) came by
                        `endsAt`, every accepting complainant gets `perComplainant` on top; `total` is included in totalBonus and
                        totalPayout.
                      properties:
                        sharePercent: {type: number}
                        percent: {type: number}
                        fixed: {oneOf: [{$ref: '#/components/schemas/Money'}, {type: 'null'}]}
                        endsAt: {type: [string, 'null'], format: date-time}
                        threshold: {type: integer}
                        reachedAt: {type: [string, 'null'], format: date-time}
                        perComplainant: {$ref: '#/components/schemas/Money'}
                        total: {$ref: '#/components/schemas/Money'}
            OfferResponse:
              type: object
              properties:
                offerId: {type: integer, format: int64}
                offerVersion: {type: integer}
                complaintId: {type: integer, format: int64}
                decision: {type: string, enum: [accepted, refused]}
                at: {type: string, format: date-time}
                tier: {type: integer, description: 1 = first tier; absent after every tier or for a refusal}
                bonus: {$ref: '#/components/schemas/Money'}
                payout: {$ref: '#/components/schemas/Money'}
                recordedBy: {type: string}
            DailyReport:
              type: object
              properties:
                day: {type: string, format: date}
                report:
                  type: object
                  properties:
                    period: {type: object, properties: {start: {type: string, format: date-time}, duration: {type: number}}}
                    newComplaints: {type: integer}
                    previousPeriodComplaints: {type: integer}
                    totalComplaints: {type: integer}
                    complaintTrend: {type: string, enum: [rising, steady, falling]}
                    complaintsByChannel: {type: array, items: {type: object, properties: {channel: {type: string}, count: {type: integer}}}}
                    mediaContacts: {type: integer}
                    negativeMediaContacts: {type: integer}
                    negativeMediaTrend: {type: string, enum: [rising, steady, falling]}
                    overdueTaskIds: {type: array, items: {type: string}}
                    settlement: {type: object}
                dailyCounts: {type: array, items: {type: object, properties: {day: {type: string, format: date}, count: {type: integer}}}}
                overdueTasks: {type: array, items: {type: object, properties: {taskId: {type: string}, title: {type: string}, ownerRole: {type: string}, dueAt: {type: string, format: date-time}}}}
                media:
                  allOf: [{$ref: '#/components/schemas/DailyMediaReport'}]
                  description: Public mentions matched to the incident's cluster (absent on reports written before mentions were kept).
        """
}
