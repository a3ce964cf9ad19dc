extension OpenAPISpec {
    /// Paths of public mentions (舆情): intake, read back, PR's corrections.
    static let mentionPaths = """
          /v1/mentions:
            get:
              summary: Public mentions, newest published first
              description: >
                Mentions with their tone, story (reposts and near-copies of one piece) and the cluster of complaints
                they are about. Phone numbers, e-mail addresses and ID numbers in titles and texts are masked for
                every role. Every role may read.
              parameters:
                - {name: source, in: query, schema: {$ref: '#/components/schemas/MentionSource'}}
                - {name: storyId, in: query, schema: {type: integer, format: int64}}
                - {name: clusterId, in: query, schema: {type: integer, format: int64}}
                - {name: incidentId, in: query, description: mentions of the incident's cluster, schema: {type: integer, format: int64}}
                - {name: tone, in: query, schema: {type: string, enum: [negative, neutral, positive]}}
                - {name: from, in: query, description: published at or after, schema: {type: string, format: date-time}}
                - {name: to, in: query, description: published before, schema: {type: string, format: date-time}}
                - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 500, default: 50}}
                - {name: cursor, in: query, schema: {type: string}}
              responses:
                '200':
                  description: A page of mentions.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [items]
                        properties:
                          items: {type: array, items: {$ref: '#/components/schemas/Mention'}}
                          nextCursor: {type: [string, 'null']}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
            post:
              summary: Record one public mention
              description: >
                A news article, post, video or thread about the company. The normalised URL (lower-case host, no
                fragment, no tracking parameters such as utm_* or spm) is the idempotency key: posting the same URL
                again answers 200 with the stored mention and stores nothing. The tone is read from the title and
                text on arrival. Roles admin, incident_manager, pr.
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: '#/components/schemas/MentionIn'}}}
              responses:
                '200': {description: The URL was stored before; the stored mention., content: {application/json: {schema: {$ref: '#/components/schemas/Mention'}}}}
                '201': {description: Stored., content: {application/json: {schema: {$ref: '#/components/schemas/Mention'}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '413': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
          /v1/mentions/trend:
            get:
              summary: Mentions over time, for one incident, one cluster or all
              description: >
                Per hour or per local day (the playbook's time zone): mentions published, stories started, negative
                mentions and their share, and reach, with totals. Default span: the last 14 days by day, the last 48
                hours by hour, ending now. At most 2,000 buckets. Every role may read.
              parameters:
                - {name: incidentId, in: query, description: mentions of the incident's cluster, schema: {type: integer, format: int64}}
                - {name: clusterId, in: query, schema: {type: integer, format: int64}}
                - {name: bucket, in: query, schema: {type: string, enum: [hour, day], default: day}}
                - {name: from, in: query, schema: {type: string, format: date-time}}
                - {name: to, in: query, schema: {type: string, format: date-time}}
              responses:
                '200':
                  description: The trend.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [width, timeZone, totals, buckets]
                        properties:
                          width: {type: string, enum: [hour, day]}
                          clusterId: {type: integer, format: int64}
                          incidentId: {type: integer, format: int64}
                          timeZone: {type: string}
                          totals: {$ref: '#/components/schemas/MentionBucket'}
                          buckets: {type: array, items: {$ref: '#/components/schemas/MentionBucket'}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
          /v1/mentions/batch:
            post:
              summary: Record up to 10,000 mentions in one transaction
              description: >
                A JSON array of mentions, or NDJSON (one per line), as monitoring vendors export them. Body at most
                64 MiB. Every valid item is stored and each invalid one reported with its index (and line, for
                NDJSON); with atomic=true one invalid item rejects the whole batch (422). Roles admin,
                incident_manager, pr.
              parameters:
                - {name: atomic, in: query, schema: {type: boolean, default: false}}
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: array, maxItems: 10000, items: {$ref: '#/components/schemas/MentionIn'}}
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
                                url: {type: string}
                                errors: {type: array, items: {$ref: '#/components/schemas/FieldError'}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '413': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
          /v1/mentions/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
            get:
              summary: One mention
              responses:
                '200': {description: The mention., content: {application/json: {schema: {$ref: '#/components/schemas/Mention'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
            patch:
              summary: Correct a mention's tone, or link or unlink it by hand (PR)
              description: >
                `tone` sets the tone (recorded with who set it); `clusterId` links the mention to that cluster, null
                unlinks it. A link decided by a person is never changed by the detector. Audited as
                mention.corrected. Roles admin, incident_manager, pr.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        tone: {type: string, enum: [negative, neutral, positive]}
                        clusterId: {type: [integer, 'null'], format: int64}
              responses:
                '200': {description: The mention as it is now., content: {application/json: {schema: {$ref: '#/components/schemas/Mention'}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
          /v1/media-timeline:
            get:
              summary: What was said in public and to the press, newest first
              description: >
                One timeline of public mentions, media contacts and statements, for one incident (the mentions of
                its cluster and its own contacts and statements) or across incidents (every mention, every
                incident's contacts and statements). Personal data masked. Every role may read.
              parameters:
                - {name: incidentId, in: query, schema: {type: integer, format: int64}}
                - {name: from, in: query, schema: {type: string, format: date-time}}
                - {name: to, in: query, description: before, schema: {type: string, format: date-time}}
                - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 500, default: 50}}
                - {name: cursor, in: query, schema: {type: string}}
              responses:
                '200':
                  description: A page of the timeline.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [items]
                        properties:
                          nextCursor: {type: [string, 'null']}
                          items:
                            type: array
                            items:
                              type: object
                              required: [kind, id, at, text]
                              properties:
                                kind: {type: string, enum: [mention, media_contact, statement]}
                                id: {type: integer, format: int64}
                                at: {type: string, format: date-time}
                                incidentId: {type: integer, format: int64}
                                clusterId: {type: integer, format: int64}
                                text: {type: string}
                                outlet: {type: string}
                                source: {type: string, description: a mention's source, a contact's channel or a statement's kind}
                                tone: {type: string, enum: [negative, neutral, positive]}
                                url: {type: string}
                                loggedBy: {type: string}
                                storyId: {type: integer, format: int64}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
          /v1/mention-feeds:
            get:
              summary: RSS and Atom feeds polled for mentions (admin)
              responses:
                '200': {description: The live feeds., content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {$ref: '#/components/schemas/MentionFeed'}}}}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
            post:
              summary: Register an RSS 2.0 or Atom feed (admin)
              description: >
                The feed is polled at once, then every `interval`, with conditional GET (ETag, Last-Modified). Each
                item becomes a mention with the feed's source (and outlet, or the feed's title); an item seen before
                (same normalised link) is not stored again, also across restarts. A failing feed waits twice as
                long after each failure, at most 6 h. Audited as mention_feed.created.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [url, source, interval]
                      properties:
                        url: {type: string, description: absolute http(s) URL of the feed}
                        source: {$ref: '#/components/schemas/MentionSource'}
                        outlet: {type: string, maxLength: 200}
                        interval: {type: string, pattern: '^[0-9.]+[mhd]$', description: 'from 1m to 7d, e.g. 15m'}
              responses:
                '201': {description: Registered., content: {application/json: {schema: {$ref: '#/components/schemas/MentionFeed'}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '413': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
          /v1/mention-feeds/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
            get:
              summary: One feed with its polling state (admin)
              responses:
                '200': {description: The feed., content: {application/json: {schema: {$ref: '#/components/schemas/MentionFeed'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
            delete:
              summary: Stop polling a feed (admin); its mentions stay
              responses:
                '204': {description: Deleted.}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
          /v1/mention-feeds/{id}/poll:
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
            post:
              summary: Poll a feed now (admin)
              description: The feed is polled at once instead of at its next time; a backoff after failures is forgiven. 503 when this server polls no feeds.
              responses:
                '202': {description: Polling., content: {application/json: {schema: {$ref: '#/components/schemas/MentionFeed'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}

        """

    static let mentionSchemas = """
            MentionSource:
              type: string
              enum: [news, weibo, wechat, douyin, xiaohongshu, forum, blackcat, tv, other]
            MentionIn:
              type: object
              required: [url, source, publishedAt]
              description: text is required unless a title is given (then the title stands for the text).
              properties:
                url: {type: string, maxLength: 2000, description: absolute http(s) URL; normalised, it is the idempotency key}
                source: {$ref: '#/components/schemas/MentionSource'}
                outlet: {type: [string, 'null'], maxLength: 200, description: newspaper, site, account or programme}
                author: {type: [string, 'null'], maxLength: 200}
                title: {type: [string, 'null'], maxLength: 500}
                text: {type: [string, 'null'], maxLength: 50000}
                publishedAt: {type: string, format: date-time, description: RFC 3339; at most 24 h after the server clock, not before 2000}
                reach: {type: [integer, 'null'], minimum: 0, description: followers, readers or views}
                engagement: {type: [integer, 'null'], minimum: 0, description: reposts, comments and likes}
                language: {type: [string, 'null'], enum: [zh, en, other, null], description: worked out from the text when absent}
            Mention:
              type: object
              required: [id, url, source, text, publishedAt, storedAt, language, tone, toneScore]
              properties:
                id: {type: integer, format: int64}
                url: {type: string}
                source: {$ref: '#/components/schemas/MentionSource'}
                outlet: {type: string}
                author: {type: string}
                title: {type: string, description: personal data masked}
                text: {type: string, description: personal data masked}
                publishedAt: {type: string, format: date-time}
                storedAt: {type: string, format: date-time}
                reach: {type: integer}
                engagement: {type: integer}
                language: {type: string, enum: [zh, en, other]}
                tone: {type: string, enum: [negative, neutral, positive]}
                toneScore: {type: number, minimum: -1, maximum: 1}
                toneCorrectedBy: {type: string, description: who set the tone by hand}
                storyId: {type: integer, format: int64, description: the first mention of its story; absent until the detector read it}
                storyCopies: {type: integer, description: mentions in its story}
                clusterId: {type: integer, format: int64, description: the cluster of complaints it is about}
                incidentId: {type: integer, format: int64, description: the newest incident of that cluster}
                match:
                  type: object
                  properties:
                    score: {type: number, description: absent when a person linked it}
                    reasons: {type: array, items: {type: string}}
                linkDecidedBy: {type: string, description: who linked or unlinked it by hand}
            DailyMediaReport:
              type: object
              required: [mentions, newStories, negativeShare, reach, previousDayMentions, trend, topOutlets, topNegativeStories, dailyCounts]
              properties:
                mentions: {type: integer, description: published in the period}
                newStories: {type: integer}
                negativeShare: {type: number, minimum: 0, maximum: 1}
                reach: {type: integer}
                previousDayMentions: {type: integer, description: published in the period before, of the same length}
                trend: {type: string, enum: [rising, steady, falling]}
                topOutlets: {type: array, items: {type: object, properties: {outlet: {type: string}, count: {type: integer}}}}
                topNegativeStories:
                  type: array
                  items:
                    type: object
                    properties:
                      storyId: {type: integer, format: int64}
                      url: {type: string}
                      source: {$ref: '#/components/schemas/MentionSource'}
                      outlet: {type: string}
                      headline: {type: string, description: personal data masked}
                      copies: {type: integer}
                      reach: {type: integer}
                dailyCounts: {type: array, items: {type: object, properties: {day: {type: string, format: date}, count: {type: integer}}}}
            MentionBucket:
              type: object
              required: [startsAt, endsAt, mentions, newStories, negative, negativeShare, reach]
              properties:
                startsAt: {type: string, format: date-time}
                endsAt: {type: string, format: date-time}
                mentions: {type: integer}
                newStories: {type: integer}
                negative: {type: integer}
                negativeShare: {type: number, minimum: 0, maximum: 1}
                reach: {type: integer}
            MentionFeed:
              type: object
              required: [url, source, intervalSeconds, createdAt, createdBy, nextPollAt, failures, itemsStored]
              properties:
                id: {type: integer, format: int64}
                url: {type: string}
                source: {$ref: '#/components/schemas/MentionSource'}
                outlet: {type: string}
                intervalSeconds: {type: integer}
                createdAt: {type: string, format: date-time}
                createdBy: {type: string}
                nextPollAt: {type: string, format: date-time}
                lastPolledAt: {type: string, format: date-time}
                lastOutcome: {type: string, enum: [ok, not_modified, failed]}
                lastError: {type: string}
                failures: {type: integer, description: polls failed in a row}
                itemsStored: {type: integer, description: items stored as new mentions over the feed's life}

        """
}
