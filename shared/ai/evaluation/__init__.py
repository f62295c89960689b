"""Evaluation engines: ``evaluate(transcript, context) -> Analysis``.

``rules.RuleBasedEngine`` is the offline default (scorecard phrases, VADER); ``azure_openai.AzureOpenAIEngine``
is the production engine. Both share ``metrics`` (talk metrics), ``sentiment``, ``keywords`` and ``scoring``,
so the numbers mean the same whichever engine produced them. Default scorecards live in ``scorecards/``.
"""
