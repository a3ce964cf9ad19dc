/// The OpenAPI 3.1 description served at `/openapi.yaml`. A test fails when a route is registered but not
/// described here. Kept in code (not a bundle resource) so the binary serves it wherever it is installed.
enum OpenAPISpec {
    /// The whole document: the core below, with the feed, summary, metrics and dashboard paths and schemas
    /// (`OpenAPISpec+Feed.swift`) spliced in at the head of `paths` and `schemas`.
    static let yaml = core
        .replacingOccurrences(of: "\npaths:\n", with: "\npaths:\n" + feedPaths + notificationPaths + casePaths + mentionPaths)
        .replacingOccurrences(of: "\n  schemas:\n", with: "\n  schemas:\n" + feedSchemas + notificationSchemas + caseSchemas + mentionSchemas)

    static let core = """
        openapi: 3.1.0
        info:
          title: Swell
          version: 0.1.0
          description: >
            Group-complaint crisis coordination: complaint intake, clustering, early warnings, incidents that
            follow a playbook, and a live feed. Every error is an RFC 9457 problem document
            (application/problem+json) with a stable `type` (urn:swell:problem:<slug>). Any route that reads or
            writes the case store may answer 503 `store-unavailable` with `Retry-After` while the database cannot be
            reached; nothing is wrong with the request, and re-sending is safe (intake is idempotent by externalId).
            Every POST accepts an `Idempotency-Key` header (1–200 visible ASCII characters): the first successful
            answer is kept for 24 hours per token and key, and a retry with the same key and the same request gets
            it again (with `Idempotency-Replayed: true`) instead of creating a second record; the same key with
            another method, path or body is a 422 `idempotency-key-reused`, and a malformed key a 400.
        servers:
          - url: /
        security:
          - bearer: []
        paths:
          /healthz:
            get:
              summary: Liveness
              security: []
              responses:
                '200': {description: The process is up., content: {application/json: {schema: {$ref: '#/components/schemas/Status'}}}}
          /readyz:
            get:
              summary: Readiness (the case store answers)
              security: []
              responses:
                '200': {description: Ready., content: {application/json: {schema: {$ref: '#/components/schemas/Status'}}}}
                '503': {$ref: '#/components/responses/Problem'}
          /openapi.yaml:
            get:
              summary: This document
              security: []
              responses:
                '200': {description: The OpenAPI document., content: {application/yaml: {schema: {type: string}}}}
          /v1/complaints:
            post:
              summary: Record one complaint
              description: >
                Idempotent by externalId: posting an externalId that is already stored returns the stored
                complaint with 200 and stores nothing. Body at most 1 MiB. Unknown fields are ignored.
                Roles admin, incident_manager, intake.
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/ComplaintIn'}
              responses:
                '201': {description: Stored., headers: {Location: {schema: {type: string}}}, content: {application/json: {schema: {$ref: '#/components/schemas/Complaint'}}}}
                '200': {description: Already stored under this externalId; the stored complaint., content: {application/json: {schema: {$ref: '#/components/schemas/Complaint'}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '413': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
            get:
              summary: List or search complaints, newest first
              description: >-
                Personal data only for admin, incident_manager and intake; masked for pr and executive. With q,
                only complaints whose text contains every word of q (anywhere, in any order; case, full-width
                forms and traditional or simplified Chinese do not matter); for pr and executive a complaint
                matches only when its masked text still does, so such a page may hold fewer than limit items.
              parameters:
                - name: q
                  in: query
                  description: >-
                    Full-text search, 1 to 200 characters with at least one letter or digit. Words of one or two
                    characters are matched as substrings too but do not use the index.
                  schema: {type: string, minLength: 1, maxLength: 200}
                - name: sort
                  in: query
                  description: >-
                    newest (the default) or relevance (needs q; best match first, equal scores newest first; a
                    cursor belongs to the order it came from).
                  schema: {type: string, enum: [newest, relevance], default: newest}
                - {name: product, in: query, schema: {type: string}}
                - {name: departure, in: query, schema: {type: string, format: date}}
                - {name: channel, in: query, schema: {$ref: '#/components/schemas/Channel'}}
                - {name: supplier, in: query, schema: {type: string}}
                - {name: clusterId, in: query, schema: {type: integer, format: int64}}
                - {name: receivedFrom, in: query, description: inclusive, schema: {type: string, format: date-time}}
                - {name: receivedBefore, in: query, description: exclusive, schema: {type: string, format: date-time}}
                - {name: cursor, in: query, description: nextCursor of the previous page, schema: {type: string}}
                - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 500, default: 50}}
              responses:
                '200':
                  description: One page.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [items]
                        properties:
                          items: {type: array, items: {$ref: '#/components/schemas/Complaint'}}
                          nextCursor: {type: string, description: absent on the last page}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
          /v1/complaints/batch:
            post:
              summary: Record up to 10,000 complaints in one transaction
              description: >
                A JSON array of complaints, or NDJSON (one complaint per line). Body at most 64 MiB.
                By default every valid item is stored and each invalid one reported with its index (and line,
                for NDJSON); with atomic=true one invalid item rejects the whole batch (422) and nothing is stored.
                Roles admin, incident_manager, intake.
              parameters:
                - {name: atomic, in: query, schema: {type: boolean, default: false}}
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: array, maxItems: 10000, items: {$ref: '#/components/schemas/ComplaintIn'}}
                  application/x-ndjson:
                    schema: {type: string}
              responses:
                '200':
                  description: Per-item results.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [created, duplicates, rejected, results]
                        properties:
                          created: {type: integer}
                          duplicates: {type: integer}
                          rejected: {type: integer}
                          results:
                            type: array
                            items:
                              type: object
                              required: [index, status]
                              properties:
                                index: {type: integer}
                                status: {type: string, enum: [created, duplicate, rejected]}
                                id: {type: integer, format: int64}
                                externalId: {type: string}
                                errors: {type: array, items: {$ref: '#/components/schemas/FieldError'}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '413': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
          /v1/complaints/{id}:
            get:
              summary: One complaint
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
              responses:
                '200': {description: The complaint., content: {application/json: {schema: {$ref: '#/components/schemas/Complaint'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
          /v1/complaints/{id}/move:
            post:
              summary: Move a complaint into another cluster (a person's correction)
              description: >
                The complaint is pinned there and the two clusters are never merged automatically afterwards.
                Recorded as a cluster.complaint_moved event. Roles admin, incident_manager.
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: object, required: [clusterId], properties: {clusterId: {type: integer, format: int64}}}
              responses:
                '200': {description: The target cluster., content: {application/json: {schema: {$ref: '#/components/schemas/Cluster'}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
          /v1/clusters:
            get:
              summary: Clusters of similar complaints, most recently growing first
              parameters:
                - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 500, default: 50}}
                - {name: includeMerged, in: query, schema: {type: boolean, default: false}}
              responses:
                '200':
                  description: Clusters.
                  content:
                    application/json:
                      schema: {type: object, required: [items], properties: {items: {type: array, items: {$ref: '#/components/schemas/Cluster'}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
          /v1/clusters/{id}:
            get:
              summary: One cluster with its members (newest 200), counts per day and warnings
              description: >
                With complaintId, also why that complaint is (or is not) in the cluster: the detector's score with it
                now (text similarity, entity agreement and conflict, time penalty, whether it would join), the
                entities both name and the cluster's terms its text holds. 503 when the server runs no detector.
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
                - {name: complaintId, in: query, schema: {type: integer, format: int64}}
              responses:
                '200':
                  description: The cluster.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [cluster, dailyCounts, members, warnings]
                        properties:
                          cluster: {$ref: '#/components/schemas/Cluster'}
                          dailyCounts: {type: array, items: {type: object, properties: {day: {type: string, format: date}, count: {type: integer}}}}
                          members: {type: array, items: {$ref: '#/components/schemas/Complaint'}}
                          warnings: {type: array, items: {$ref: '#/components/schemas/Warning'}}
                          explanation:
                            type: object
                            properties:
                              complaintId: {type: integer, format: int64}
                              inCluster: {type: boolean}
                              score: {type: number}
                              text: {type: number}
                              entityAgreement: {type: number}
                              entityConflict: {type: number}
                              timePenalty: {type: number}
                              wouldJoin: {type: boolean}
                              sharedEntities: {type: array, items: {type: string}}
                              sharedTerms: {type: array, items: {type: string}}
                              product: {type: string}
                              departure: {type: string, format: date}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
          /v1/clusters/{id}/split:
            post:
              summary: Split complaints out of a cluster into a new one (a person's correction)
              description: The two are never merged automatically afterwards. Roles admin, incident_manager.
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: object, required: [complaintIds], properties: {complaintIds: {type: array, items: {type: integer, format: int64}}}}
              responses:
                '201': {description: The new cluster., content: {application/json: {schema: {$ref: '#/components/schemas/Cluster'}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
          /v1/clusters/{id}/merge:
            post:
              summary: Merge this cluster into another (a person's correction)
              description: Roles admin, incident_manager.
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: object, required: [into], properties: {into: {type: integer, format: int64}}}
              responses:
                '200': {description: The surviving cluster., content: {application/json: {schema: {$ref: '#/components/schemas/Cluster'}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
          /v1/warnings:
            get:
              summary: Early warnings and escalations, newest first
              description: >
                Each warning record has a state (open, acknowledged, dismissed, incident; see the Warning schema).
                state= lists only records in that state; a value that is not a state is 400 invalid-parameter.
              parameters:
                - {name: clusterId, in: query, schema: {type: integer, format: int64}}
                - {name: state, in: query, schema: {$ref: '#/components/schemas/WarningState'}}
                - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 1000, default: 100}}
              responses:
                '200':
                  description: Warnings.
                  content:
                    application/json:
                      schema: {type: object, required: [items], properties: {items: {type: array, items: {$ref: '#/components/schemas/Warning'}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
          /v1/warnings/{id}:
            get:
              summary: One warning
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
              responses:
                '200': {description: The warning., content: {application/json: {schema: {$ref: '#/components/schemas/Warning'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
          /v1/warnings/{id}/acknowledge:
            post:
              summary: Acknowledge a warning (someone is looking into it)
              description: >
                Moves this warning and the earlier warnings of its cluster that are open to acknowledged, recording
                who (the caller's token name) and when, with a warning.acknowledged event in the same transaction.
                A later escalation of the cluster is a record of its own and starts open. No body. 409
                transition-forbidden unless this warning is open. Roles admin, incident_manager.
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
              responses:
                '200': {description: The warning as it is now., content: {application/json: {schema: {$ref: '#/components/schemas/Warning'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
          /v1/warnings/{id}/dismiss:
            post:
              summary: Dismiss a warning (not a group incident)
              description: >
                Moves this warning and the earlier warnings of its cluster that are open or acknowledged to dismissed,
                recording who, when and why, with a warning.dismissed event in the same transaction (the event carries
                no reason: it is free text). The cluster warns again when it reaches a higher level: the detector's
                escalation record starts open and counts in the summary again. 409 transition-forbidden when this
                warning is already dismissed or linked to an incident. Roles admin, incident_manager.
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [reason]
                      properties:
                        reason: {type: string, minLength: 1, maxLength: 2000, description: why this is not a group incident}
              responses:
                '200': {description: The warning as it is now., content: {application/json: {schema: {$ref: '#/components/schemas/Warning'}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
        \(incidentPaths)
        components:
        \(incidentComponents)
          securitySchemes:
            bearer: {type: http, scheme: bearer}
          responses:
            Problem:
              description: An RFC 9457 problem document.
              content:
                application/problem+json:
                  schema: {$ref: '#/components/schemas/Problem'}
          schemas:
            Cluster:
              type: object
              required: [id, memberCount, distinctComplainants, firstAt, lastAt, topTerms, entities, representativeText, representativeComplaintId]
              properties:
                id: {type: integer, format: int64}
                mergedInto: {type: integer, format: int64, description: set when merged into another cluster}
                level: {type: string, enum: [blue, yellow, orange, red], description: highest warning level reached}
                memberCount: {type: integer}
                distinctComplainants: {type: integer}
                firstAt: {type: string, format: date-time}
                lastAt: {type: string, format: date-time}
                topTerms: {type: array, items: {type: string}, description: why these complaints were grouped}
                title: {type: string, description: "problem · trip · strongest entity, e.g. 酒店降级不符 · AU-8D-0612 · 6月12日"}
                entities: {type: array, items: {type: string}, description: shared entities as kind:value}
                representativeText: {type: string, description: masked for pr and executive}
                representativeComplaintId: {type: integer, format: int64}
            Warning:
              type: object
              required: [clusterId, kind, level, raisedAt, triggeringComplaintId, complaintCount, distinctComplainants, rule, reasons, state]
              properties:
                id: {type: integer, format: int64}
                clusterId: {type: integer, format: int64}
                kind: {type: string, enum: [raised, escalated]}
                level: {type: string, enum: [blue, yellow, orange, red]}
                previousLevel: {type: string, enum: [blue, yellow, orange, red]}
                raisedAt: {type: string, format: date-time, description: event time (the triggering complaint's receivedAt)}
                triggeringComplaintId: {type: integer, format: int64}
                complaintCount: {type: integer}
                distinctComplainants: {type: integer}
                rule: {type: string, description: which rule fired (burst, signalled, sustained-4d, …)}
                reasons: {type: array, items: {type: object, properties: {code: {type: string}, detail: {type: string}}}}
                state: {$ref: '#/components/schemas/WarningState'}
                acknowledgedBy: {type: string, description: token name of who acknowledged it}
                acknowledgedAt: {type: string, format: date-time}
                dismissedBy: {type: string, description: token name of who dismissed it}
                dismissedAt: {type: string, format: date-time}
                dismissReason: {type: string, description: why it is not a group incident; masked for pr and executive}
                incidentId: {type: integer, format: int64, description: the incident opened on its cluster (state incident)}
                linkedAt: {type: string, format: date-time, description: when it was linked to that incident}
            WarningState:
              type: string
              enum: [open, acknowledged, dismissed, incident]
              description: >
                Where people stand with a warning record. Every record starts open. Allowed moves: open →
                acknowledged; open or acknowledged → dismissed; open, acknowledged or dismissed → incident (when an
                incident is opened on the cluster, by hand or by the playbook's auto-open rule, with a warning.linked
                event; an incident overrides a dismissal). Incident is final. An action on one warning applies to it
                and to the earlier records of its cluster that allow it; a new escalation record starts open, so a
                dismissed cluster warns again when it reaches the next level. Fields absent until their move happened.
            Status:
              type: object
              properties: {status: {type: string}}
            Channel:
              type: string
              enum: [hotline, web, email, letter, social, regulator, walk_in]
            ComplaintIn:
              type: object
              required: [externalId, receivedAt, channel, text]
              properties:
                externalId: {type: string, maxLength: 200, description: idempotency key, unique per source}
                receivedAt: {type: string, format: date-time, description: RFC 3339; at most 24 h after the server clock, not before 2000}
                channel: {$ref: '#/components/schemas/Channel'}
                text: {type: string, minLength: 1, maxLength: 20000}
                complainant:
                  type: object
                  properties:
                    name: {type: [string, 'null'], maxLength: 200}
                    phone: {type: [string, 'null'], maxLength: 40}
                    email: {type: [string, 'null'], maxLength: 254}
                product: {type: [string, 'null'], maxLength: 200}
                departure: {type: [string, 'null'], format: date}
                supplier: {type: [string, 'null'], maxLength: 200}
                demand: {type: [string, 'null'], maxLength: 2000}
                referral:
                  type: [object, 'null']
                  description: An authority's referral; becomes the case's referral, its period counted from receivedAt.
                  required: [authority]
                  properties:
                    authority: {type: string, maxLength: 60, description: "12315, 12345, 12301 or another authority"}
                    referenceNo: {type: [string, 'null'], maxLength: 100}
            Complaint:
              type: object
              required: [id, externalId, receivedAt, storedAt, channel, text]
              properties:
                id: {type: integer, format: int64}
                externalId: {type: string}
                receivedAt: {type: string, format: date-time}
                storedAt: {type: string, format: date-time}
                channel: {$ref: '#/components/schemas/Channel'}
                text: {type: string, description: masked for pr and executive}
                complainant:
                  type: object
                  description: only for admin, incident_manager and intake
                  properties:
                    name: {type: string}
                    phone: {type: string}
                    email: {type: string}
                product: {type: string}
                departure: {type: string, format: date}
                supplier: {type: string}
                demand: {type: string}
                clusterId: {type: integer, format: int64, description: set once the detector has placed it}
            FieldError:
              type: object
              required: [field, code, message]
              properties:
                field: {type: string}
                code: {type: string}
                message: {type: string}
            Problem:
              type: object
              required: [type, title, status, detail]
              properties:
                type: {type: string}
                title: {type: string}
                status: {type: integer}
                detail: {type: string}
                field: {type: string}
                instance: {type: string}
                errors: {type: array, items: {$ref: '#/components/schemas/FieldError'}}
                items:
                  type: array
                  items:
                    type: object
                    properties:
                      index: {type: integer}
                      line: {type: integer}
                      errors: {type: array, items: {$ref: '#/components/schemas/FieldError'}}
        \(incidentSchemas)
        """
}
