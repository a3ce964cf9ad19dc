extension OpenAPISpec {
    /// Paths of complainants' cases: one complaint's case, its contacts, and an incident's cases.
    static let casePaths = """
          /v1/cases:
            get:
              summary: One person's cases (every role; personal data per role)
              description: >
                The cases assigned to `assignee`, by complaint id, each with its next deadline and the deadlines overdue
                now; `overdue` counts the late ones (with `overdue=true` only they are listed).
              parameters:
                - {name: assignee, in: query, required: true, schema: {type: string}}
                - {name: overdue, in: query, schema: {type: boolean}}
              responses:
                '200':
                  description: The cases.
                  content: {application/json: {schema: {type: object, properties: {assignee: {type: string}, items: {type: array, items: {$ref: '#/components/schemas/CaseRow'}}, total: {type: integer}, overdue: {type: integer}}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
          /v1/complaints/{id}/case:
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
            get:
              summary: One complaint's case (every role; contacts masked for pr and executive)
              description: >
                State, assignee, referral, deadlines from the playbook's `cases` section (each `overdue` on the
                server's clock), contacts with the complainant and every change. A complaint nobody has touched is
                `received`. `sameComplainant` lists the person's other complaints (same phone or e-mail) in its cluster.
              responses:
                '200': {description: The case., content: {application/json: {schema: {$ref: '#/components/schemas/Case'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
            patch:
              summary: Move, assign or refer a case (admin, incident_manager, intake)
              description: >
                `state` moves the case (received → acknowledged → in_progress → answered → closed; answered → in_progress;
                closed → reopened → in_progress or answered; moving ahead over steps is allowed, so answering acknowledges);
                any other move is a 409 case-transition-forbidden. `assignee` hands it to a person (null: nobody).
                `referral` records an authority's referral (12315, 12345, 12301…), whose period (playbook `cases.referrals`)
                counts from `referral.receivedAt` (default: `at`). Each change is an audited event without personal data.
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: '#/components/schemas/CaseChange'}}}
              responses:
                '200': {description: The case after the change., content: {application/json: {schema: {$ref: '#/components/schemas/Case'}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
                '413': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
          /v1/complaints/{id}/contacts:
            post:
              summary: Log a contact with the complainant (admin, incident_manager, intake)
              description: >
                A call back, a message, the answer, or the follow-up visit (回访, `purpose: follow_up_visit`, with
                `satisfaction` 1–5), which needs a closed case (409 case-not-closed otherwise). `satisfaction` on any
                other purpose is a 422. The event records channel, direction, purpose and score, never the summary.
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: '#/components/schemas/CaseContactIn'}}}
              responses:
                '201':
                  description: Logged; the contact and the case after it.
                  content: {application/json: {schema: {type: object, properties: {contact: {$ref: '#/components/schemas/CaseContact'}, case: {$ref: '#/components/schemas/Case'}}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
                '413': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/cases:
            get:
              summary: Every complainant of an incident with their case (every role; personal data per role)
              description: >
                Oldest complaint first. `total`, `complainants` (distinct people), `byState` and `overdue` count every
                case matching the filters, not just the page. `offerAnswer` is the answer to the current offer.
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
                - {name: state, in: query, schema: {$ref: '#/components/schemas/CaseState'}}
                - {name: assignee, in: query, schema: {type: string}}
                - {name: overdue, in: query, description: Only cases with a deadline overdue now., schema: {type: boolean}}
                - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 1000, default: 100}}
                - {name: cursor, in: query, description: The `next` of the previous page., schema: {type: string}}
              responses:
                '200': {description: A page of cases., content: {application/json: {schema: {$ref: '#/components/schemas/IncidentCasePage'}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/cases.csv:
            get:
              summary: The incident's cases as CSV for regulators and the board
              description: >
                UTF-8 with a byte-order mark (Excel reads Chinese right), CRLF lines, the same filters as the list. The
                name, phone and e-mail columns are empty for roles without personal data (pr, executive).
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
                - {name: state, in: query, schema: {$ref: '#/components/schemas/CaseState'}}
                - {name: assignee, in: query, schema: {type: string}}
                - {name: overdue, in: query, schema: {type: boolean}}
              responses:
                '200': {description: The CSV file., content: {text/csv: {schema: {type: string}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/cases.html:
            get:
              summary: The incident's cases as a printable page
              description: The rows of the list (same filters), with counts by state; personal data only for roles that may see it.
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
                - {name: state, in: query, schema: {$ref: '#/components/schemas/CaseState'}}
                - {name: assignee, in: query, schema: {type: string}}
                - {name: overdue, in: query, schema: {type: boolean}}
              responses:
                '200': {description: The page., content: {text/html: {schema: {type: string}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/cases/bulk:
            post:
              summary: Acknowledge, answer or assign many cases at once (admin, incident_manager, intake)
              description: >
                `complaintIds` (members of the incident) or `"all": true`. One transaction, one event per changed case;
                a case the action does not fit (already acknowledged, already answered) stays as it is with a `reason`.
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [action]
                      properties:
                        action: {type: string, enum: [acknowledge, answer, assign]}
                        complaintIds: {type: array, maxItems: 10000, items: {type: integer, format: int64}}
                        all: {type: boolean}
                        assignee: {type: [string, 'null'], description: For assign; absent or null takes the cases from whoever had them.}
                        at: {type: string, format: date-time}
              responses:
                '200':
                  description: What happened to each case.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          changed: {type: integer}
                          unchanged: {type: integer}
                          items: {type: array, items: {type: object, properties: {complaintId: {type: integer}, changed: {type: boolean}, reason: {type: [string, 'null']}, state: {$ref: '#/components/schemas/CaseState'}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
                '413': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/offers/{offerId}/curve:
            get:
              summary: An offer's acceptance curve (every role)
              description: >
                Cumulative accepted, refused and pending (eligible not yet answered, never below 0) at the end of each
                bucket, from the bucket of publication to the one holding now, with the tier ends marked. `day` buckets
                are local days in the playbook's time zone. More than 2000 buckets is a 422 naming `bucket`.
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
                - {name: offerId, in: path, required: true, schema: {type: integer, format: int64}}
                - {name: bucket, in: query, schema: {type: string, enum: [hour, day], default: day}}
              responses:
                '200':
                  description: The curve.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          offerId: {type: integer}
                          version: {type: integer}
                          publishedAt: {type: string, format: date-time}
                          eligible: {type: integer}
                          bucket: {type: string, enum: [hour, day]}
                          tiers: {type: array, items: {type: object, properties: {tier: {type: integer}, endsAt: {type: string, format: date-time}}}}
                          buckets: {type: array, items: {type: object, properties: {startsAt: {type: string, format: date-time}, endsAt: {type: string, format: date-time}, accepted: {type: integer}, refused: {type: integer}, pending: {type: integer}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/review:
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
            get:
              summary: The post-incident review (every role)
              description: The current version, each corrective action with its task's state and `overdue` on the live clock; 404 before one is written.
              responses:
                '200': {description: The review., content: {application/json: {schema: {$ref: '#/components/schemas/Review'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
            put:
              summary: Write the next version of the review (admin, incident_manager)
              description: >
                Replaces the review (also after the incident closed). Root-cause categories come from the playbook
                (`review.rootCauseCategories`). A corrective action without `taskId` becomes a task of kind
                `corrective_action` (it goes overdue on the live clock even after closing, and its owner completes it with
                PATCH …/tasks/{taskId}); one with `taskId` updates that task; a stored action left out is cancelled. An
                incident closes (POST …/transitions `closed`) only with a review holding at least one root cause, or as a
                false alarm (`"falseAlarm": true, "reason": …`). Each version is an `incident.review_updated` event.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [summary]
                      properties:
                        summary: {type: string, maxLength: 20000}
                        rootCauses: {type: array, maxItems: 50, items: {type: object, required: [category, text], properties: {category: {type: string}, text: {type: string, maxLength: 4000}}}}
                        correctiveActions:
                          type: array
                          maxItems: 100
                          items:
                            type: object
                            required: [title, ownerRole, dueAt]
                            properties:
                              taskId: {type: integer, format: int64}
                              title: {type: string, maxLength: 300}
                              ownerRole: {type: string, enum: [admin, incident_manager, intake, pr, executive]}
                              dueAt: {type: string, format: date-time}
                              state: {type: string, enum: [open, done, cancelled]}
                        lessons: {type: string}
                        highlights: {type: array, maxItems: 200, description: Sequence numbers of log events for the timeline., items: {type: integer, format: int64}}
                        at: {type: string, format: date-time}
              responses:
                '200': {description: The review., content: {application/json: {schema: {$ref: '#/components/schemas/Review'}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '413': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
          /v1/reviews:
            get:
              summary: Reviews across incidents (every role)
              description: Newest incident first; `q` looks in the title, summary, root causes, actions and lessons; `supplier` in the incident's complaints.
              parameters:
                - {name: q, in: query, schema: {type: string}}
                - {name: rootCause, in: query, schema: {type: string}}
                - {name: supplier, in: query, schema: {type: string}}
                - {name: from, in: query, description: Incidents opened at or after., schema: {type: string, format: date-time}}
                - {name: to, in: query, description: Incidents opened before., schema: {type: string, format: date-time}}
              responses:
                '200':
                  description: The reviews found.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          items:
                            type: array
                            items:
                              type: object
                              properties:
                                incidentId: {type: integer}
                                title: {type: string}
                                state: {type: string}
                                openedAt: {type: string, format: date-time}
                                version: {type: integer}
                                summary: {type: string}
                                rootCauses: {type: array, items: {type: object, properties: {category: {type: string}, text: {type: string}}}}
                                correctiveActions: {type: integer}
                                suppliers: {type: array, items: {type: string}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
          /v1/reports/response-times:
            get:
              summary: Response times across incidents (every role)
              description: >
                Incidents opened in [from, to), oldest first, each step measured in seconds (first complaint → warning →
                opening; opening → first reply, regulator report, holding statement, offer, resolved, closed) and held to
                the deadline the playbook set for it (the due time of the incident's task for the step: met, missed,
                pending or no_deadline); then per step the count, median, p90 and max and "met in N of M".
              parameters:
                - {name: from, in: query, schema: {type: string, format: date-time}}
                - {name: to, in: query, schema: {type: string, format: date-time}}
              responses:
                '200':
                  description: The report.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          from: {type: [string, 'null'], format: date-time}
                          to: {type: [string, 'null'], format: date-time}
                          incidents:
                            type: array
                            items:
                              type: object
                              properties:
                                incidentId: {type: integer}
                                title: {type: string}
                                state: {type: string}
                                openedAt: {type: string, format: date-time}
                                measures:
                                  type: object
                                  additionalProperties:
                                    type: object
                                    properties:
                                      seconds: {type: [number, 'null']}
                                      startedAt: {type: [string, 'null'], format: date-time}
                                      endedAt: {type: [string, 'null'], format: date-time}
                                      deadline: {type: [string, 'null'], format: date-time}
                                      verdict: {type: string, enum: [met, missed, pending, no_deadline]}
                          distributions:
                            type: array
                            items:
                              type: object
                              properties:
                                measure: {type: string, enum: [time_to_warning, time_to_open, time_to_first_reply, time_to_regulator_report, time_to_holding_statement, time_to_offer, time_to_resolve, time_to_close]}
                                deadlineTask: {type: [string, 'null']}
                                count: {type: integer}
                                medianSeconds: {type: [number, 'null']}
                                p90Seconds: {type: [number, 'null']}
                                maxSeconds: {type: [number, 'null']}
                                met: {type: integer}
                                missed: {type: integer}
                                pending: {type: integer}
                                summary: {type: [string, 'null']}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
          /v1/incidents/{id}/representatives:
            put:
              summary: Name the representatives of a joint complaint (admin, incident_manager)
              description: >
                One to three complaints of the incident whose complainants speak for the group (an empty list names
                none). They speak for the group, but a settlement still needs each member's own answer to the offer.
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
              requestBody:
                required: true
                content: {application/json: {schema: {type: object, required: [complaintIds], properties: {complaintIds: {type: array, maxItems: 3, items: {type: integer, format: int64}}, at: {type: string, format: date-time}}}}}
              responses:
                '200': {description: The representatives., content: {application/json: {schema: {type: object, properties: {representatives: {type: array, items: {type: integer}}, rule: {type: string}}}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
                '413': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}

        """

    static let caseSchemas = """
            CaseState: {type: string, enum: [received, acknowledged, in_progress, answered, closed, reopened]}
            Review:
              type: object
              properties:
                incidentId: {type: integer}
                version: {type: integer}
                summary: {type: string}
                rootCauses: {type: array, items: {type: object, properties: {category: {type: string}, text: {type: string}}}}
                correctiveActions: {type: array, items: {type: object, properties: {taskId: {type: integer}, title: {type: string}, ownerRole: {type: string}, dueAt: {type: string, format: date-time}, state: {type: string, enum: [open, done, cancelled]}, overdue: {type: boolean}, completedAt: {type: [string, 'null'], format: date-time}}}}
                lessons: {type: [string, 'null']}
                highlights: {type: array, items: {type: integer}}
                updatedBy: {type: string}
                updatedAt: {type: string, format: date-time}
                compensationPaid: {oneOf: [{$ref: '#/components/schemas/Money'}, {type: 'null'}]}
                allowsClosing: {type: boolean}
            CaseDeadline:
              type: object
              properties:
                kind: {type: string, enum: [acknowledge, answer, authority_answer, close, follow_up_visit]}
                dueAt: {type: string, format: date-time}
                metAt: {type: [string, 'null'], format: date-time}
                overdue: {type: boolean, description: Still owed and past due on the server's clock.}
                metLate: {type: boolean}
                authority: {type: [string, 'null'], description: For authority_answer, whose period it is.}
            CaseContact:
              type: object
              properties:
                number: {type: integer}
                at: {type: string, format: date-time}
                channel: {type: string, enum: [phone, sms, email, wechat, letter, visit, other]}
                direction: {type: string, enum: [inbound, outbound]}
                purpose: {type: string, enum: [acknowledgement, update, answer, other, follow_up_visit]}
                summary: {type: string}
                outcome: {type: [string, 'null']}
                satisfaction: {type: [integer, 'null'], minimum: 1, maximum: 5}
                recordedBy: {type: string}
            CaseContactIn:
              type: object
              required: [channel, direction, summary]
              properties:
                channel: {type: string, enum: [phone, sms, email, wechat, letter, visit, other]}
                direction: {type: string, enum: [inbound, outbound]}
                purpose: {type: string, enum: [acknowledgement, update, answer, other, follow_up_visit], default: other}
                summary: {type: string, maxLength: 4000}
                outcome: {type: string, maxLength: 2000}
                satisfaction: {type: integer, minimum: 1, maximum: 5}
                at: {type: string, format: date-time}
            CaseChange:
              type: object
              properties:
                state: {$ref: '#/components/schemas/CaseState'}
                assignee: {type: [string, 'null'], maxLength: 200}
                referral:
                  type: object
                  required: [authority]
                  properties:
                    authority: {type: string, maxLength: 60, description: "12315, 12345, 12301 or another authority"}
                    referenceNo: {type: string, maxLength: 100}
                    receivedAt: {type: string, format: date-time}
                note: {type: string, maxLength: 2000}
                at: {type: string, format: date-time}
            Case:
              type: object
              properties:
                complaintId: {type: integer}
                state: {$ref: '#/components/schemas/CaseState'}
                assignee: {type: [string, 'null']}
                referral: {type: [object, 'null'], properties: {authority: {type: string}, referenceNo: {type: [string, 'null']}, receivedAt: {type: string, format: date-time}}}
                deadlines: {type: array, items: {$ref: '#/components/schemas/CaseDeadline'}}
                overdue: {type: boolean}
                acknowledgedAt: {type: [string, 'null'], format: date-time}
                answeredAt: {type: [string, 'null'], format: date-time}
                closedAt: {type: [string, 'null'], format: date-time}
                reopenedAt: {type: [string, 'null'], format: date-time}
                contacts: {type: array, items: {$ref: '#/components/schemas/CaseContact'}}
                history: {type: array, items: {type: object, properties: {at: {type: string, format: date-time}, by: {type: string}, from: {$ref: '#/components/schemas/CaseState'}, to: {$ref: '#/components/schemas/CaseState'}, assignee: {type: [string, 'null']}, note: {type: [string, 'null']}}}}
                sameComplainant: {type: array, items: {type: integer}}
                version: {type: integer}
            CaseRow:
              type: object
              properties:
                complaintId: {type: integer}
                externalId: {type: string}
                receivedAt: {type: string, format: date-time}
                channel: {type: string}
                complainant: {type: object, description: Absent for pr and executive., properties: {name: {type: string}, phone: {type: string}, email: {type: string}}}
                state: {$ref: '#/components/schemas/CaseState'}
                assignee: {type: [string, 'null']}
                referral: {type: [string, 'null']}
                nextDeadline: {oneOf: [{$ref: '#/components/schemas/CaseDeadline'}, {type: 'null'}]}
                overdue: {type: array, items: {type: string}}
                lastContactAt: {type: [string, 'null'], format: date-time}
                lastContactPurpose: {type: [string, 'null']}
                satisfaction: {type: [integer, 'null']}
                offerAnswer: {type: [object, 'null'], properties: {offerId: {type: integer}, decision: {type: string, enum: [accepted, refused]}, at: {type: string, format: date-time}, tier: {type: [integer, 'null']}}}
                representative: {type: boolean}
                sameComplainant: {type: array, items: {type: integer}}
            IncidentCasePage:
              type: object
              properties:
                items: {type: array, items: {$ref: '#/components/schemas/CaseRow'}}
                total: {type: integer}
                complainants: {type: integer}
                byState: {type: object, additionalProperties: {type: integer}}
                overdue: {type: integer}
                representatives: {type: array, items: {type: integer}}
                next: {type: [string, 'null']}

        """
}
