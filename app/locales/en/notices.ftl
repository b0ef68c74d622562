## Messages: every notice a person was sent.

notices-heading = Messages
notices-all-link = See all your messages
notices-none = We have not sent you any messages yet.
