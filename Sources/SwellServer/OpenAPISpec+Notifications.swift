extension OpenAPISpec {
    /// Paths of notification channels and deliveries (admin only).
    static let notificationPaths = """
          /v1/notification-channels:
            get:
              summary: Notification channels (admin)
              description: Every live channel; secrets (`secret`, `password`) are shown as "********".
              responses:
                '200': {description: Channels., content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {$ref: '#/components/schemas/NotificationChannel'}}}}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
            post:
              summary: Create a notification channel (admin)
              description: >
                Playbook rules (`notify`) name channels by `name`. A webhook without a `settings.secret` gets one
                generated, returned as `secret` in this answer only: verify `Swell-Signature: t=<unix>,v1=<hex>` as
                HMAC-SHA256 of "<t>.<body>" with it. DingTalk and Feishu robots take the robot's own signing
                secret. 409 channel-name-taken when a live channel has the name. The change is an audited event
                (`notification_channel.created`, without URL or secrets).
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: '#/components/schemas/NotificationChannelIn'}}}
              responses:
                '201': {description: Created., content: {application/json: {schema: {$ref: '#/components/schemas/NotificationChannel'}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
                '413': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
          /v1/notification-channels/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
            get:
              summary: One notification channel (admin)
              responses:
                '200': {description: The channel., content: {application/json: {schema: {$ref: '#/components/schemas/NotificationChannel'}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
            patch:
              summary: Change a channel's name, settings, language or enabled flag (admin)
              description: Given settings replace the stored ones; a secret or password left out is kept. The kind cannot change.
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: '#/components/schemas/NotificationChannelIn'}}}
              responses:
                '200': {description: The channel., content: {application/json: {schema: {$ref: '#/components/schemas/NotificationChannel'}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '409': {$ref: '#/components/responses/Problem'}
                '422': {$ref: '#/components/responses/Problem'}
            delete:
              summary: Delete a channel (admin); it sends nothing more and frees its name
              responses:
                '204': {description: Deleted.}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
          /v1/notification-channels/{id}/test:
            post:
              summary: Send a test message through a channel now (admin)
              description: 200 whatever the peer answered; `sent` says whether it took the message. 503 notifier-off without a notifier.
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
              responses:
                '200':
                  description: What the peer answered.
                  content: {application/json: {schema: {type: object, properties: {sent: {type: boolean}, status: {type: [integer, 'null']}, error: {type: [string, 'null']}}}}}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}
                '404': {$ref: '#/components/responses/Problem'}
                '503': {$ref: '#/components/responses/Problem'}
          /v1/deliveries:
            get:
              summary: Notification deliveries, newest first (admin)
              description: >
                One delivery per event and channel. A failed attempt is retried with exponential backoff and jitter
                (2 s doubling to at most 5 minutes apart, honouring Retry-After on 429/503) for 24 hours, then the
                delivery is dead (`notification.dead` on the feed).
              parameters:
                - {name: state, in: query, schema: {type: string, enum: [pending, sent, failed, dead]}}
                - {name: channel, in: query, description: a channel name or id, schema: {type: string}}
                - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 1000, default: 100}}
                - {name: cursor, in: query, description: nextCursor of the previous page, schema: {type: integer, format: int64}}
              responses:
                '200':
                  description: A page of deliveries.
                  content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {$ref: '#/components/schemas/Delivery'}}, nextCursor: {type: [integer, 'null'], format: int64}}}}}
                '400': {$ref: '#/components/responses/Problem'}
                '401': {$ref: '#/components/responses/Problem'}
                '403': {$ref: '#/components/responses/Problem'}

        """

    static let notificationSchemas = """
            NotificationChannelIn:
              type: object
              properties:
                name: {type: string, pattern: '^[a-z0-9][a-z0-9_-]{0,63}$', description: 'what playbook rules call it, e.g. leadership'}
                kind: {type: string, enum: [webhook, wecom, dingtalk, feishu, email]}
                language: {type: string, enum: [zh, en], default: zh}
                enabled: {type: boolean, default: true}
                settings:
                  type: object
                  description: >
                    webhook, wecom, dingtalk, feishu: url (and secret for webhook, dingtalk, feishu). email: host, port,
                    security (starttls, tls, or none for a server on this machine), username, password, from, to.
                  properties:
                    url: {type: string}
                    secret: {type: string}
                    host: {type: string}
                    port: {type: integer}
                    security: {type: string, enum: [starttls, tls, none]}
                    username: {type: string}
                    password: {type: string}
                    from: {type: string}
                    to: {type: array, items: {type: string}}
            NotificationChannel:
              allOf:
                - {$ref: '#/components/schemas/NotificationChannelIn'}
                - type: object
                  properties:
                    id: {type: integer, format: int64}
                    createdAt: {type: string, format: date-time}
                    createdBy: {type: string}
                    updatedAt: {type: string, format: date-time}
                    secret: {type: string, description: 'the generated webhook secret, in the creating answer only'}
            Delivery:
              type: object
              properties:
                id: {type: integer, format: int64}
                eventSeq: {type: integer, format: int64}
                eventType: {type: string}
                channelId: {type: integer, format: int64}
                channel: {type: string}
                state: {type: string, enum: [pending, sent, failed, dead]}
                attempts: {type: integer}
                createdAt: {type: string, format: date-time}
                nextAttemptAt: {type: string, format: date-time}
                lastAttemptAt: {type: string, format: date-time}
                lastStatus: {type: integer}
                lastError: {type: string}
                sentAt: {type: string, format: date-time}

        """
}
