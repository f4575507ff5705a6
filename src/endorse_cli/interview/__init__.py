"""The questionnaire: questions as data, one questionary adapter, and the flows that use them."""
