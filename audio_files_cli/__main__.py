from audio_files_cli.app import main

main()
