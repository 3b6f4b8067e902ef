"""agreements"""
