"""The base every other package builds on: languages, texts and ids, problems and their messages, YAML
sources, placeholders, page addresses, the instance.
"""
