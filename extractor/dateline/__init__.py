"""dateline"""
